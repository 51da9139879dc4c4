using System;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PrepGen.Cuda;

/// <summary>
/// Resolves the CUDA libraries lazily: the driver by its soname, NVRTC by the first of several names
/// that loads (unversioned, then CUDA 13, then 12), also from the usual toolkit folders.
/// </summary>
internal static class NativeLibraries
{
    private static readonly string[] NvrtcNames =
    {
        "libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12",
        "/usr/local/cuda/lib64/libnvrtc.so", "/usr/local/cuda/targets/x86_64-linux/lib/libnvrtc.so",
        "/usr/local/cuda/targets/x86_64-linux/lib/libnvrtc.so.13", "/usr/local/cuda/targets/x86_64-linux/lib/libnvrtc.so.12",
        "nvrtc64_130_0.dll", "nvrtc64_120_0.dll",
    };

    private static readonly string[] DriverNames = { "libcuda.so.1", "libcuda.so", "nvcuda.dll" };

    private static readonly object Gate = new();
    private static bool s_registered;

    /// <summary>Installs the resolver once; harmless if another component already set one for this assembly.</summary>
    public static void EnsureResolver()
    {
        lock (Gate)
        {
            if (s_registered)
            {
                return;
            }

            s_registered = true;
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // Another resolver owns this assembly; default probing still finds libcuda.so.1.
            }
        }
    }

    /// <summary>True when some NVRTC library loads.</summary>
    public static bool TryLoadNvrtc(out nint handle) => TryLoadAny(NvrtcNames, out handle);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name == NvrtcNative.Library)
        {
            return TryLoadAny(NvrtcNames, out var h) ? h : throw new DllNotFoundException("NVRTC not found (tried libnvrtc.so, libnvrtc.so.13, libnvrtc.so.12 and /usr/local/cuda).");
        }

        if (name == CudaNative.Library)
        {
            return TryLoadAny(DriverNames, out var h) ? h : 0;
        }

        return 0;
    }

    private static bool TryLoadAny(string[] names, out nint handle)
    {
        foreach (var n in names)
        {
            if (NativeLibrary.TryLoad(n, out handle))
            {
                return true;
            }
        }

        handle = 0;
        return false;
    }
}
