using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PrepGen.Adapt;

/// <summary>
/// Zeroed storage for arrays of 256 KiB or more that are written soon after they exist (a counter's table, the
/// vocabulary's ranking and file bytes, the CLI's chunk buffers), on transparent huge pages where Linux grants them. Such
/// an array faults in every 4 KiB page at once: under the hypervisor of docs/benchmarks.md a fault cost 14 us, and the
/// doublings of a 65k-token table ~2,000 of them per worker. The array is allocated pinned with room to spare, the
/// storage starts at the first 2 MiB boundary in it (or the first element after it), and whole 2 MiB pages from there
/// are advised <c>MADV_HUGEPAGE</c> before anything is written (honored where transparent_hugepage is "always" or
/// "madvise"): one fault per 2 MiB, and an array under 2 MiB takes one huge page (up to 2 MiB of memory for at most
/// 512 faults saved). Elsewhere, or for smaller arrays, a plain zeroed array with the storage at 0.
/// </summary>
internal static partial class HugePages
{
    private const int Size = 2 << 20;
    private const int MinBytes = 256 << 10; // below, 64 faults or fewer: not worth a 2 MiB page
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, linux/mman.h
    private const int MadviseDontNeed = 4; // MADV_DONTNEED

    /// <summary>An array whose elements <c>[start, start + length)</c> are zeroed (the rest is spare and never read).</summary>
    public static unsafe T[] Allocate<T>(int length, out int start)
        where T : unmanaged
    {
        start = 0;
        long bytes = (long)length * sizeof(T);
        long pages = (bytes + Size - 1) & ~(long)(Size - 1); // whole huge pages from the boundary
        long spare = ((Size + sizeof(T) - 1) / sizeof(T)) + ((pages - bytes + sizeof(T) - 1) / sizeof(T)); // a boundary inside, then the pages' rest
        if (bytes < MinBytes || !OperatingSystem.IsLinux() || length + spare > Array.MaxLength)
        {
            return new T[length];
        }

        // Not zeroed by the runtime, which would write the whole array before the advice (memory the pinned heap reuses
        // is cleared: ~1,000 4 KiB faults per process in a counter's doublings). The whole pages are dropped instead
        // (MADV_DONTNEED: private anonymous memory reads as zeros after it, and is faulted in as huge pages when first
        // written, zeroed once by the kernel); only a last element that reaches past them is cleared here.
        T[] array = GC.AllocateUninitializedArray<T>((int)(length + spare), pinned: true);
        nint first = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        nint aligned = (first + Size - 1) & ~(nint)(Size - 1);
        start = (int)((aligned - first + sizeof(T) - 1) / sizeof(T));
        int zeroed = 0;
        try
        {
            _ = Madvise(aligned, (nuint)pages, MadviseHugePage); // advice: a refusal leaves 4 KiB pages
            if (Madvise(aligned, (nuint)pages, MadviseDontNeed) == 0)
            {
                zeroed = (int)Math.Min(length, (aligned + pages - (first + ((nint)start * sizeof(T)))) / sizeof(T));
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: plain pages, cleared below.
        }

        array.AsSpan(start + zeroed, length - zeroed).Clear();
        return array;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
