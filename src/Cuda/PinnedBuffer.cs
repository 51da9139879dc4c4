using System;

namespace PrepGen.Cuda;

/// <summary>Page-locked host memory (cuMemAllocHost), required for asynchronous copies.</summary>
/// <typeparam name="T">Element type.</typeparam>
public sealed unsafe class PinnedBuffer<T> : IDisposable
    where T : unmanaged
{
    private void* _pointer;

    /// <summary>Allocates pinned host memory.</summary>
    /// <param name="length">Element count.</param>
    /// <param name="context">The context; null for <see cref="CudaContext.Default"/>.</param>
    public PinnedBuffer(long length, CudaContext? context = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, int.MaxValue);
        Context = context ?? CudaContext.Default;
        Context.MakeCurrent();
        Length = length;
        CudaNative.Check(CudaNative.cuMemAllocHost(out _pointer, (nuint)(length * sizeof(T))), "cuMemAllocHost");
    }

    /// <summary>The owning context.</summary>
    public CudaContext Context { get; }

    /// <summary>Element count.</summary>
    public long Length { get; }

    /// <summary>The memory as a span.</summary>
    public Span<T> Span => new(Pointer, (int)Length);

    internal void* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(PinnedBuffer<T>));

    /// <summary>Frees the memory.</summary>
    public void Dispose()
    {
        if (_pointer != null)
        {
            Context.MakeCurrent();
            _ = CudaNative.cuMemFreeHost(_pointer);
            _pointer = null;
        }
    }
}
