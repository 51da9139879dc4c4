using System;
using System.Runtime.InteropServices;
using System.Text;

namespace PrepGen.Cuda;

/// <summary>Compiles CUDA C to PTX at run time with NVRTC.</summary>
internal static unsafe class Nvrtc
{
    /// <summary>
    /// Compiles for the device's virtual architecture. <c>--fmad=false</c> keeps the multiply/add order
    /// Keras and the CPU executor use, so CPU and GPU results agree.
    /// </summary>
    public static byte[] CompileToPtx(string source, string name, (int Major, int Minor) capability)
    {
        NativeLibraries.EnsureResolver();
        if (!NativeLibraries.TryLoadNvrtc(out _))
        {
            throw new CudaUnavailableException("NVRTC not found (tried libnvrtc.so, libnvrtc.so.13, libnvrtc.so.12 and /usr/local/cuda)");
        }

        NvrtcNative.Check(NvrtcNative.nvrtcCreateProgram(out nint program, source, name, 0, 0, 0), "nvrtcCreateProgram");
        try
        {
            string[] options =
            {
                $"--gpu-architecture=compute_{capability.Major}{capability.Minor}",
                "--fmad=false",
                "--std=c++17",
            };
            var handles = new GCHandle[options.Length];
            var pointers = stackalloc byte*[options.Length];
            try
            {
                for (int i = 0; i < options.Length; i++)
                {
                    handles[i] = GCHandle.Alloc(Encoding.UTF8.GetBytes(options[i] + "\0"), GCHandleType.Pinned);
                    pointers[i] = (byte*)handles[i].AddrOfPinnedObject();
                }

                int result = NvrtcNative.nvrtcCompileProgram(program, options.Length, pointers);
                if (result != 0)
                {
                    throw new CudaException($"nvrtcCompileProgram failed: {ErrorName(result)}\n{Log(program)}") { ErrorCode = result };
                }
            }
            finally
            {
                foreach (var h in handles)
                {
                    if (h.IsAllocated)
                    {
                        h.Free();
                    }
                }
            }

            NvrtcNative.Check(NvrtcNative.nvrtcGetPTXSize(program, out nuint size), "nvrtcGetPTXSize");
            var ptx = new byte[(int)size];
            fixed (byte* p = ptx)
            {
                NvrtcNative.Check(NvrtcNative.nvrtcGetPTX(program, p), "nvrtcGetPTX");
            }

            return ptx;
        }
        finally
        {
            _ = NvrtcNative.nvrtcDestroyProgram(ref program);
        }
    }

    private static string ErrorName(int result) => Marshal.PtrToStringUTF8(NvrtcNative.nvrtcGetErrorString(result)) ?? $"nvrtcResult {result}";

    private static string Log(nint program)
    {
        if (NvrtcNative.nvrtcGetProgramLogSize(program, out nuint size) != 0 || size <= 1)
        {
            return string.Empty;
        }

        var log = new byte[(int)size];
        fixed (byte* p = log)
        {
            _ = NvrtcNative.nvrtcGetProgramLog(program, p);
        }

        return Encoding.UTF8.GetString(log, 0, log.Length - 1);
    }
}
