using System;
using System.Threading;

namespace PrepGen.Cuda;

/// <summary>A device's primary context (shared with other CUDA users in the process, never destroyed).</summary>
public sealed unsafe class CudaContext
{
    private static readonly Lazy<CudaContext> DefaultContext = new(() => new CudaContext(0), LazyThreadSafetyMode.ExecutionAndPublication);

    private CudaContext(int ordinal)
    {
        CudaRuntime.EnsureAvailable();
        CudaNative.Check(CudaNative.cuDeviceGet(out int device, ordinal), "cuDeviceGet");
        Device = device;
        CudaNative.Check(CudaNative.cuDeviceGetAttribute(out int major, CudaNative.AttributeComputeCapabilityMajor, device), "cuDeviceGetAttribute");
        CudaNative.Check(CudaNative.cuDeviceGetAttribute(out int minor, CudaNative.AttributeComputeCapabilityMinor, device), "cuDeviceGetAttribute");
        ComputeCapability = (major, minor);
        byte* name = stackalloc byte[256];
        CudaNative.Check(CudaNative.cuDeviceGetName(name, 256, device), "cuDeviceGetName");
        Name = new string((sbyte*)name);
        CudaNative.Check(CudaNative.cuDevicePrimaryCtxRetain(out nint handle, device), "cuDevicePrimaryCtxRetain");
        Handle = handle;
        MakeCurrent();
    }

    /// <summary>The primary context of device 0; throws <see cref="CudaUnavailableException"/> without a GPU.</summary>
    public static CudaContext Default => DefaultContext.Value;

    /// <summary>The CUdevice.</summary>
    public int Device { get; }

    /// <summary>The device's compute capability, e.g. (9, 0) for an H100.</summary>
    public (int Major, int Minor) ComputeCapability { get; }

    /// <summary>The device name.</summary>
    public string Name { get; }

    internal nint Handle { get; }

    /// <summary>Binds the context to the calling thread (every entry point here does this itself).</summary>
    public void MakeCurrent() => CudaNative.Check(CudaNative.cuCtxSetCurrent(Handle), "cuCtxSetCurrent");

    /// <summary>Waits for all work in the context.</summary>
    public void Synchronize()
    {
        MakeCurrent();
        CudaNative.Check(CudaNative.cuCtxSynchronize(), "cuCtxSynchronize");
    }
}
