using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using PrepGen.Cuda;
using PrepGen.Imaging;

namespace PrepGen.Runtime.Tests.Imaging;

/// <summary>
/// Compiles a generated CUDA source as plain C++ (g++) against a header that emulates the few CUDA
/// built-ins it uses, and runs a kernel with one thread per block, so the generated code's semantics
/// can be checked against the CPU executor on machines without a GPU. It checks the code, not the
/// GPU's arithmetic (on the device, sin/cos may differ in the last bit).
/// </summary>
internal static class CudaSourceEmulator
{
    private const string Header = """
        #include <math.h>
        #include <string.h>
        #define __device__
        #define __global__
        #define __forceinline__ inline
        #define __constant__
        #define __shared__ static
        #define __restrict__ __restrict
        #define __launch_bounds__(n)
        struct uint4 { unsigned x, y, z, w; };
        struct float4 { float x, y, z, w; };
        struct dim3 { unsigned x; };
        static dim3 blockIdx, threadIdx, blockDim, gridDim;
        inline uint4 make_uint4(unsigned a, unsigned b, unsigned c, unsigned d) { return uint4{a, b, c, d}; }
        inline float4 make_float4(float a, float b, float c, float d) { return float4{a, b, c, d}; }
        inline unsigned __umulhi(unsigned a, unsigned b) { return (unsigned)(((unsigned long long)a * b) >> 32); }
        template <typename T> inline T __ldg(const T* p) { return *p; }
        inline void __syncthreads() {}
        inline double atomicAdd(double* a, double v) { double old = *a; *a += v; return old; }
        inline int min(int a, int b) { return a < b ? a : b; }
        inline int max(int a, int b) { return a > b ? a : b; }
        inline float __int_as_float(int i) { float f; memcpy(&f, &i, 4); return f; }
        """;

    private const string Main = """
        #include "emulation.h"
        #include "kernel.cu"
        #include <stdio.h>
        #include <stdlib.h>
        typedef void (*kernel_u8)(const unsigned char*, float*, int, unsigned long long);
        typedef void (*kernel_f32)(const float*, float*, int, unsigned long long);
        int main(int argc, char** argv)
        {
            int which = atoi(argv[1]), batch = atoi(argv[2]);
            unsigned long long seed = strtoull(argv[3], 0, 10);
            long in_count = atol(argv[4]), out_count = atol(argv[5]);
            unsigned grid = (unsigned)atoi(argv[6]);
            int bytes = which % 2 == 0;
            void* in = malloc(in_count * (bytes ? 1 : 4));
            float* out = (float*)calloc(out_count, 4);
            FILE* f = fopen(argv[7], "rb");
            if (fread(in, bytes ? 1 : 4, in_count, f) != (size_t)in_count) return 2;
            fclose(f);
            gridDim.x = grid; blockDim.x = 1;
            for (unsigned b = 0; b < grid; ++b)
            {
                blockIdx.x = b; threadIdx.x = 0;
                switch (which)
                {
                    case 0: prepgen_infer_u8((const unsigned char*)in, out, batch, seed); break;
                    case 1: prepgen_infer_f32((const float*)in, out, batch, seed); break;
                    case 2: prepgen_train_u8((const unsigned char*)in, out, batch, seed); break;
                    default: prepgen_train_f32((const float*)in, out, batch, seed); break;
                }
            }
            f = fopen(argv[8], "wb");
            fwrite(out, 4, out_count, f);
            fclose(f);
            return 0;
        }
        """;

    private static readonly Lazy<string?> Compiler = new(() =>
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            var path = Path.Combine(dir, "g++");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    });

    public static bool IsAvailable => Compiler.Value is not null && RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    /// <summary>Runs the generated kernel for a mode on the given input; returns the output.</summary>
    public static float[] Run<T>(ImagePipelineSpec spec, T[] input, int batch, bool training, ulong seed)
        where T : unmanaged
    {
        var dir = Directory.CreateTempSubdirectory("prepgen-cuda-emu-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "emulation.h"), Header);
            File.WriteAllText(Path.Combine(dir, "kernel.cu"), CudaKernelSource.Generate(spec));
            File.WriteAllText(Path.Combine(dir, "main.cpp"), Main);
            Exec(Compiler.Value!, "-std=c++17 -O1 -ffp-contract=off -fno-strict-aliasing -w -o harness main.cpp", dir);
            File.WriteAllBytes(Path.Combine(dir, "in.bin"), MemoryMarshal.AsBytes(input.AsSpan()).ToArray());
            bool bytes = typeof(T) == typeof(byte);
            int which = (training ? 2 : 0) + (bytes ? 0 : 1);
            long outCount = (long)batch * spec.OutputLength(training);

            // One thread per block: a block-per-image kernel gets a block per image, the others one block.
            int grid = CudaKernelSource.UsesBlockPerImage(spec, training) ? batch : 1;
            Exec(Path.Combine(dir, "harness"), $"{which} {batch} {seed} {input.Length} {outCount} {grid} in.bin out.bin", dir);
            return MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(Path.Combine(dir, "out.bin"))).ToArray();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Exec(string file, string args, string dir)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args)
        {
            WorkingDirectory = dir,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        string err = p.StandardError.ReadToEnd() + p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{Path.GetFileName(file)} failed ({p.ExitCode}):\n{err}");
    }
}

/// <summary>A theory that is skipped, with the reason, where g++ is missing.</summary>
public sealed class EmulatedCudaTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets Skip when the emulation cannot run.</summary>
    public EmulatedCudaTheoryAttribute()
    {
        if (!CudaSourceEmulator.IsAvailable)
        {
            Skip = "g++ not found: cannot compile the generated CUDA source as C++";
        }
    }
}
