using System;

namespace PrepGen.Cuda;

/// <summary>A CUDA stream.</summary>
public sealed class CudaStream : IDisposable
{
    /// <summary>Creates a stream.</summary>
    /// <param name="context">The context; null for <see cref="CudaContext.Default"/>.</param>
    public CudaStream(CudaContext? context = null)
    {
        Context = context ?? CudaContext.Default;
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuStreamCreate(out nint handle, 0), "cuStreamCreate");
        Handle = handle;
    }

    /// <summary>The owning context.</summary>
    public CudaContext Context { get; }

    internal nint Handle { get; private set; }

    /// <summary>Waits for the stream's work.</summary>
    public void Synchronize()
    {
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuStreamSynchronize(Handle), "cuStreamSynchronize");
    }

    /// <summary>Destroys the stream.</summary>
    public void Dispose()
    {
        if (Handle != 0)
        {
            Context.MakeCurrent();
            _ = CudaNative.cuStreamDestroy(Handle);
            Handle = 0;
        }
    }
}

/// <summary>A CUDA event, for timing work on a stream.</summary>
public sealed class CudaEvent : IDisposable
{
    /// <summary>Creates an event with timing enabled.</summary>
    /// <param name="context">The context; null for <see cref="CudaContext.Default"/>.</param>
    public CudaEvent(CudaContext? context = null)
    {
        Context = context ?? CudaContext.Default;
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuEventCreate(out nint handle, 0), "cuEventCreate");
        Handle = handle;
    }

    /// <summary>The owning context.</summary>
    public CudaContext Context { get; }

    internal nint Handle { get; private set; }

    /// <summary>Records the event on a stream.</summary>
    /// <param name="stream">The stream; null for the default stream.</param>
    public void Record(CudaStream? stream = null)
    {
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuEventRecord(Handle, stream?.Handle ?? 0), "cuEventRecord");
    }

    /// <summary>Waits for the event.</summary>
    public void Synchronize()
    {
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuEventSynchronize(Handle), "cuEventSynchronize");
    }

    /// <summary>Milliseconds between two recorded, completed events.</summary>
    /// <param name="start">The earlier event.</param>
    /// <param name="end">The later event.</param>
    public static float ElapsedMilliseconds(CudaEvent start, CudaEvent end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        start.Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuEventElapsedTime(out float ms, start.Handle, end.Handle), "cuEventElapsedTime");
        return ms;
    }

    /// <summary>Destroys the event.</summary>
    public void Dispose()
    {
        if (Handle != 0)
        {
            Context.MakeCurrent();
            _ = CudaNative.cuEventDestroy(Handle);
            Handle = 0;
        }
    }
}
