using System;
using System.Collections.Concurrent;

namespace PrepGen.Cuda;

/// <summary>A loaded PTX module; compiled once per process for each (source, device) and cached.</summary>
internal sealed unsafe class CudaModule
{
    private static readonly ConcurrentDictionary<(string Source, int Device), Lazy<CudaModule>> Cache = new();

    private CudaModule(CudaContext context, string source)
    {
        Context = context;
        byte[] ptx = Nvrtc.CompileToPtx(source, "prepgen_image.cu", context.ComputeCapability);
        context.MakeCurrent();
        fixed (byte* p = ptx)
        {
            CudaNative.Check(CudaNative.cuModuleLoadData(out nint module, p), "cuModuleLoadData");
            Handle = module;
        }
    }

    public CudaContext Context { get; }

    private nint Handle { get; }

    public static CudaModule Get(CudaContext context, string source)
        => Cache.GetOrAdd((source, context.Device), key => new Lazy<CudaModule>(() => new CudaModule(context, key.Source))).Value;

    public nint Function(string name)
    {
        Context.MakeCurrent();
        CudaNative.Check(CudaNative.cuModuleGetFunction(out nint function, Handle, name), "cuModuleGetFunction");
        return function;
    }

    public static void Launch(nint function, uint grid, uint block, nint stream, void** args)
        => CudaNative.Check(CudaNative.cuLaunchKernel(function, grid, 1, 1, block, 1, 1, 0, stream, args, null), "cuLaunchKernel");
}
