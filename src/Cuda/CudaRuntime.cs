using System;
using System.Threading;

namespace PrepGen.Cuda;

/// <summary>
/// Lazy, one-time probe of the CUDA driver. Nothing here runs until a CUDA type is used, so processes
/// without a GPU never touch the native libraries and the CPU path is unaffected.
/// </summary>
public static class CudaRuntime
{
    private static readonly Lazy<string?> Failure = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when libcuda.so.1 loads, cuInit succeeds and there is at least one device.</summary>
    public static bool IsAvailable => Failure.Value is null;

    /// <summary>Why CUDA cannot be used, or null when it can.</summary>
    public static string? UnavailableReason => Failure.Value;

    /// <summary>Throws <see cref="CudaUnavailableException"/> with the reason when CUDA cannot be used.</summary>
    public static void EnsureAvailable()
    {
        if (Failure.Value is { } reason)
        {
            throw new CudaUnavailableException(reason);
        }
    }

    private static string? Probe()
    {
        NativeLibraries.EnsureResolver();
        try
        {
            int result = CudaNative.cuInit(0);
            if (result != 0)
            {
                return $"cuInit failed: {CudaNative.ErrorName(result)}";
            }

            result = CudaNative.cuDeviceGetCount(out int count);
            if (result != 0)
            {
                return $"cuDeviceGetCount failed: {CudaNative.ErrorName(result)}";
            }

            return count == 0 ? "no CUDA device" : null;
        }
        catch (DllNotFoundException)
        {
            return "no CUDA driver (libcuda.so.1 not loadable)";
        }
        catch (EntryPointNotFoundException e)
        {
            return "the CUDA driver is too old: " + e.Message;
        }
    }
}
