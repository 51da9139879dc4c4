using System;
using System.Threading.Tasks;

namespace PrepGen.Batching;

/// <summary>Encodes a run of rows into their outputs: a generated batch method (<c>EncodeBatch</c>, a layer's batch form).</summary>
/// <typeparam name="TRow">The row type (a feature record, a string, a number).</typeparam>
/// <typeparam name="TOut">The output element type.</typeparam>
public delegate void BatchEncoder<TRow, TOut>(ReadOnlySpan<TRow> rows, Span<TOut> destination);

/// <summary>
/// Runs a batch method over all cores: the rows are cut into contiguous chunks and each chunk is one call of
/// the method on its own slice of rows and of the destination, so the result is the serial call's, element for
/// element, and nothing is allocated per row.
/// </summary>
/// <remarks>
/// Chunk rule: a batch of fewer than 2 x <see cref="MinRowsPerChunk"/> rows runs on the calling thread.
/// Otherwise there are up to 4 chunks per worker (so a worker that finishes early takes another), each of at
/// least <see cref="MinRowsPerChunk"/> rows, and each a whole number of 64-byte cache lines of output (a
/// multiple of 64 / gcd(row bytes, 64) rows), so two workers never write one cache line at once
/// (a destination that does not start on a line boundary shares one line per chunk boundary, written once).
/// </remarks>
public static class ParallelBatch
{
    /// <summary>The fewest rows a chunk holds: one call must outweigh handing it to a worker (~microseconds).</summary>
    public const int MinRowsPerChunk = 1024;

    private const int ChunksPerWorker = 4;

    private const int CacheLine = 64;

    /// <summary>
    /// Encodes <paramref name="rows"/> into <paramref name="destination"/> (<paramref name="width"/> elements per
    /// row) with <paramref name="encode"/>, in parallel. Example: <c>ParallelBatch.Run(rows, output,
    /// MyRow.EncodedWidth, MyRow.EncodeBatch)</c>; for a layer's batch form, its fixed output width
    /// (<c>OutputSequenceLength</c>, the multi-hot depth, 1 for a lookup).
    /// </summary>
    /// <param name="rows">The rows.</param>
    /// <param name="destination">At least <c>rows.Length * width</c> elements; the rest is untouched.</param>
    /// <param name="width">Output elements per row (the batch method's row width).</param>
    /// <param name="encode">The serial batch method.</param>
    /// <param name="maxDegreeOfParallelism">The most workers; -1 (the default) for one per core.</param>
    /// <exception cref="ArgumentException">The destination is too short, or the width or parallelism is out of range.</exception>
    /// <exception cref="AggregateException">Not thrown: an exception of <paramref name="encode"/> is rethrown as it is (the first, when several chunks fail).</exception>
    public static void Run<TRow, TOut>(ReadOnlyMemory<TRow> rows, Memory<TOut> destination, int width, BatchEncoder<TRow, TOut> encode, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 (one worker per core) or a positive count.");
        }

        long needed = (long)rows.Length * width;
        if (destination.Length < needed)
        {
            throw new ArgumentException("The destination has " + destination.Length + " elements but " + rows.Length + " rows of " + width + " need " + needed + ".", nameof(destination));
        }

        int workers = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        int chunkRows = ChunkRows(rows.Length, width, System.Runtime.CompilerServices.Unsafe.SizeOf<TOut>(), workers);
        if (chunkRows >= rows.Length)
        {
            encode(rows.Span, destination.Span.Slice(0, (int)needed));
            return;
        }

        int chunks = (rows.Length + chunkRows - 1) / chunkRows;
        try
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = workers }, chunk =>
            {
                int start = chunk * chunkRows;
                int count = Math.Min(chunkRows, rows.Length - start);
                encode(rows.Span.Slice(start, count), destination.Span.Slice(start * width, count * width));
            });
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    /// <summary>
    /// The rows per chunk for a batch (see the remarks on <see cref="ParallelBatch"/>); <paramref name="rows"/> or
    /// more means one chunk, run on the calling thread.
    /// </summary>
    public static int ChunkRows(int rows, int width, int elementBytes, int workers)
    {
        if (workers <= 1 || rows < 2 * MinRowsPerChunk)
        {
            return Math.Max(rows, 1);
        }

        long rowBytes = (long)width * elementBytes;
        int rowsPerLine = CacheLine / (int)Gcd(rowBytes, CacheLine);
        long target = Math.Max(MinRowsPerChunk, ((long)rows + (workers * ChunksPerWorker) - 1) / (workers * ChunksPerWorker));
        long rounded = (target + rowsPerLine - 1) / rowsPerLine * rowsPerLine;
        return (int)Math.Min(rounded, rows);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
