using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrepGen.Adapt;

/// <summary>
/// Zeroed storage for a counter's table (and its ranking) of 2 MiB or more, on transparent huge pages where Linux grants
/// them. A table is written at random places as soon as it exists, so every 4 KiB page of it faults in at once: under the
/// hypervisor of docs/benchmarks.md a fault cost 14 us, and the doublings of a 65k-token table ~2,000 of them per worker.
/// The array is allocated pinned with 2 MiB to spare, the table starts at the first 2 MiB boundary in it (or the first
/// element after it), and that range is advised <c>MADV_HUGEPAGE</c> before the table is first written (honored where
/// transparent_hugepage is "always" or "madvise"): 2 MiB per fault. Elsewhere, or for smaller tables, a plain zeroed
/// array with the table at 0.
/// </summary>
internal static partial class HugePages
{
    private const int Size = 2 << 20;
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, linux/mman.h

    /// <summary>An array whose elements <c>[start, start + length)</c> are zeroed (the rest is spare and never read).</summary>
    public static unsafe T[] Allocate<T>(int length, out int start)
        where T : unmanaged
    {
        start = 0;
        long bytes = (long)length * sizeof(T);
        int spare = (Size + sizeof(T) - 1) / sizeof(T); // elements covering 2 MiB, so that a boundary lies inside
        if (bytes < Size || !OperatingSystem.IsLinux() || length > Array.MaxLength - spare)
        {
            return new T[length];
        }

        // Zeroed by the runtime, which writes nothing to memory fresh from the kernel (already zero): those pages are
        // still untouched when they are advised.
        T[] array = GC.AllocateArray<T>(length + spare, pinned: true);
        nint first = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        nint aligned = (first + Size - 1) & ~(nint)(Size - 1);
        start = (int)((aligned - first + sizeof(T) - 1) / sizeof(T));
        try
        {
            _ = Madvise(aligned, (nuint)(bytes & ~(long)(Size - 1)), MadviseHugePage); // advice: a refusal leaves 4 KiB pages
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: plain pages.
        }

        return array;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
