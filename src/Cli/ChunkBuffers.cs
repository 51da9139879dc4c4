using System;
using System.Collections.Generic;
using System.Threading;
using PrepGen.Adapt;

namespace PrepGen.Cli;

/// <summary>
/// One chunker's buffers, recycled between the reader and the workers. With <c>ArrayPool</c> the reader kept renting
/// buffers whose pages were new to it: a two-thread adapt took a page fault per 4 KiB inside <c>read</c> (14 us each
/// under the hypervisor of docs/benchmarks.md; the reader's cost doubled against one thread). Here every buffer of the
/// standard size is placed on a 2 MiB huge page where Linux grants one (<see cref="HugePages"/>) and comes back to
/// this pool when its chunk is disposed, so an adapt faults a handful of times however long its input. Larger
/// buffers (a record longer than a chunk) are plain arrays and are not kept.
/// </summary>
internal sealed class ChunkBuffers(int size)
{
    // More than the pipeline ever holds at once (2 x threads queued, one per worker, the reader's own): the rest is dropped.
    private const int MaxFree = 64;

    private readonly Lock _lock = new();
    private readonly Stack<ArraySegment<byte>> _free = new();

    /// <summary>The standard size: what <see cref="Rent"/> gives for any request up to it.</summary>
    public int Size { get; } = size;

    /// <summary>A buffer of at least <paramref name="minimum"/> bytes (exactly <see cref="Size"/> when that is enough).</summary>
    public ArraySegment<byte> Rent(int minimum)
    {
        if (minimum > Size)
        {
            return GC.AllocateUninitializedArray<byte>(minimum);
        }

        lock (_lock)
        {
            if (_free.TryPop(out ArraySegment<byte> buffer))
            {
                return buffer;
            }
        }

        byte[] store = HugePages.Allocate<byte>(Size, out int start);
        return new ArraySegment<byte>(store, start, Size);
    }

    /// <summary>Takes back a buffer of the standard size; any other is left to the collector.</summary>
    public void Return(ArraySegment<byte> buffer)
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
