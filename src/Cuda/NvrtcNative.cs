using System.Runtime.InteropServices;

namespace PrepGen.Cuda;

/// <summary>NVRTC entry points; the library name is resolved by <see cref="NativeLibraries"/> (versioned sonames).</summary>
internal static unsafe partial class NvrtcNative
{
    public const string Library = "prepgen-nvrtc";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int nvrtcCreateProgram(out nint program, string source, string name, int headerCount, nint headers, nint includeNames);

    [LibraryImport(Library)]
    public static partial int nvrtcCompileProgram(nint program, int optionCount, byte** options);

    [LibraryImport(Library)]
    public static partial int nvrtcGetPTXSize(nint program, out nuint size);

    [LibraryImport(Library)]
    public static partial int nvrtcGetPTX(nint program, byte* ptx);

    [LibraryImport(Library)]
    public static partial int nvrtcGetProgramLogSize(nint program, out nuint size);

    [LibraryImport(Library)]
    public static partial int nvrtcGetProgramLog(nint program, byte* log);

    [LibraryImport(Library)]
    public static partial int nvrtcDestroyProgram(ref nint program);

    [LibraryImport(Library)]
    public static partial nint nvrtcGetErrorString(int result);

    public static void Check(int result, string call)
    {
        if (result != 0)
        {
            string name = Marshal.PtrToStringUTF8(nvrtcGetErrorString(result)) ?? $"nvrtcResult {result}";
            throw new CudaException($"{call} failed: {name}") { ErrorCode = result };
        }
    }
}
