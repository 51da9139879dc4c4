using System;
using System.Collections.Generic;
using System.Threading;
using PrepGen.Adapt;

namespace PrepGen.Cli;

/// <summary>
/// Buffers of one standard size, recycled between the reader and the workers of one adapt (the chunker's byte
/// buffers, the numeric layers' parsed floats). With <c>ArrayPool</c> a two-thread adapt kept getting buffers whose
/// pages were new to the thread that filled them: a page fault per 4 KiB (14 us each under the hypervisor of
/// docs/benchmarks.md). Here every standard buffer is placed on 2 MiB huge pages where Linux grants them
/// (<see cref="HugePages"/>) and comes back to this pool when its holder is done, so an adapt faults a handful of
/// times however long its input. Larger buffers (a record longer than a chunk) are plain arrays and are not kept.
/// </summary>
internal sealed class BufferPool<T>(int size)
    where T : unmanaged
{
    // More than the pipeline ever holds at once (2 x threads queued, one per worker, the reader's own): the rest is dropped.
    private const int MaxFree = 64;

    private readonly Lock _lock = new();
    private readonly Stack<ArraySegment<T>> _free = new();

    /// <summary>The standard size: what <see cref="Rent"/> gives for any request up to it.</summary>
    public int Size { get; } = size;

    /// <summary>A buffer of at least <paramref name="minimum"/> elements (exactly <see cref="Size"/> when that is enough).</summary>
    public ArraySegment<T> Rent(int minimum)
    {
        if (minimum > Size)
        {
            return GC.AllocateUninitializedArray<T>(minimum);
        }

        lock (_lock)
        {
            if (_free.TryPop(out ArraySegment<T> buffer))
            {
                return buffer;
            }
        }

        T[] store = HugePages.Allocate<T>(Size, out int start);
        return new ArraySegment<T>(store, start, Size);
    }

    /// <summary>Takes back a buffer of the standard size; any other is left to the collector.</summary>
    public void Return(ArraySegment<T> buffer)
    {
        if (buffer.Count != Size)
        {
            return;
        }

        lock (_lock)
        {
            if (_free.Count < MaxFree)
            {
                _free.Push(buffer);
            }
        }
    }
}
