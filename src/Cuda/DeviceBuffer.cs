using System;

namespace PrepGen.Cuda;

/// <summary>Device memory holding <see cref="Length"/> values of <typeparamref name="T"/>.</summary>
/// <typeparam name="T">Element type.</typeparam>
public sealed unsafe class DeviceBuffer<T> : IDisposable
    where T : unmanaged
{
    private ulong _pointer;

    /// <summary>Allocates (uninitialized) device memory.</summary>
    /// <param name="length">Element count.</param>
    /// <param name="context">The context; null for <see cref="CudaContext.Default"/>.</param>
    public DeviceBuffer(long length, CudaContext? context = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, long.MaxValue / sizeof(T)); // ByteLength must not wrap
        Context = context ?? CudaContext.Default;
        Context.MakeCurrent();
        Length = length;
        CudaNative.Check(CudaNative.cuMemAlloc(out _pointer, (nuint)ByteLength), "cuMemAlloc");
    }

    /// <summary>The owning context.</summary>
    public CudaContext Context { get; }

    /// <summary>Element count.</summary>
    public long Length { get; }

    /// <summary>Size in bytes.</summary>
    public long ByteLength => Length * sizeof(T);

    /// <summary>The CUdeviceptr.</summary>
    public ulong Pointer => _pointer != 0 ? _pointer : throw new ObjectDisposedException(nameof(DeviceBuffer<T>));

    /// <summary>Synchronous upload from host memory.</summary>
    /// <param name="source">At most <see cref="Length"/> values.</param>
    public void CopyFrom(ReadOnlySpan<T> source)
    {
        Check(source.Length);
        Context.MakeCurrent();
        fixed (T* p = source)
        {
            CudaNative.Check(CudaNative.cuMemcpyHtoD(Pointer, p, (nuint)((long)source.Length * sizeof(T))), "cuMemcpyHtoD");
        }
    }

    /// <summary>Synchronous download to host memory.</summary>
    /// <param name="destination">At most <see cref="Length"/> values.</param>
    public void CopyTo(Span<T> destination)
    {
        Check(destination.Length);
        Context.MakeCurrent();
        fixed (T* p = destination)
        {
            CudaNative.Check(CudaNative.cuMemcpyDtoH(p, Pointer, (nuint)((long)destination.Length * sizeof(T))), "cuMemcpyDtoH");
        }
    }

    /// <summary>Asynchronous upload from pinned memory on a stream.</summary>
    /// <param name="source">The pinned source.</param>
    /// <param name="count">Elements to copy.</param>
    /// <param name="stream">The stream; null for the default stream.</param>
    public void CopyFromAsync(PinnedBuffer<T> source, long count, CudaStream? stream = null)
    {
        Check(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, source.Length);
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuMemcpyHtoDAsync(Pointer, source.Pointer, (nuint)(count * sizeof(T)), stream?.Handle ?? 0), "cuMemcpyHtoDAsync");
    }

    /// <summary>Asynchronous download to pinned memory on a stream.</summary>
    /// <param name="destination">The pinned destination.</param>
    /// <param name="count">Elements to copy.</param>
    /// <param name="stream">The stream; null for the default stream.</param>
    public void CopyToAsync(PinnedBuffer<T> destination, long count, CudaStream? stream = null)
    {
        Check(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, destination.Length);
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuMemcpyDtoHAsync(destination.Pointer, Pointer, (nuint)(count * sizeof(T)), stream?.Handle ?? 0), "cuMemcpyDtoHAsync");
    }

    /// <summary>Asynchronous device-to-device copy of the whole buffer into <paramref name="destination"/>.</summary>
    /// <param name="destination">A buffer at least as large.</param>
    /// <param name="stream">The stream; null for the default stream.</param>
    public void CopyToAsync(DeviceBuffer<T> destination, CudaStream? stream = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length);
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuMemcpyDtoDAsync(destination.Pointer, Pointer, (nuint)ByteLength, stream?.Handle ?? 0), "cuMemcpyDtoDAsync");
    }

    /// <summary>Frees the memory.</summary>
    public void Dispose()
    {
        if (_pointer != 0)
        {
            Context.MakeCurrent();
            _ = CudaNative.cuMemFree(_pointer);
            _pointer = 0;
        }
    }

    private void Check(long count) => ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Length);
}
