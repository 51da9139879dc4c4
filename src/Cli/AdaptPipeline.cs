using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace PrepGen.Cli;

/// <summary>
/// Runs one adapt over the work items of a <see cref="RowSource"/>: the calling thread reads items in input order,
/// <c>threads</c> workers parse them, each into its own state (its own adapter, merged by the caller at the end),
/// and the optional <see cref="Ordered"/> step sees each item's result in input order, one at a time (batches
/// that must be formed and summarized in order: normalization, discretization). At most 2 x threads items are
/// in flight, so memory is bounded by the chunk size, not the input. An error stops the reading; the error
/// reported is the one of the earliest item, so the line named is the one a single thread would name.
/// </summary>
internal sealed class AdaptPipeline<TState, TResult>
    where TResult : class
{
    private readonly object _lock = new();
    private readonly Dictionary<long, TResult?> _pending = [];
    private long _nextOrdered;
    private bool _draining;
    private long _failedIndex = long.MaxValue;
    private ExceptionDispatchInfo? _failure;
    private long _rows;
    private WorkQueue<(long Index, IDisposable Item)>? _queue;

    /// <summary>Parses one item into its state and result; returns the rows it held.</summary>
    public delegate long ItemParser(RowSource source, TState state, TResult? result, IDisposable item, ref IDisposable? cache);

    public required Func<TState> CreateState { get; init; }

    /// <summary>Called once per item before its rows; its result goes to <see cref="Ordered"/>.</summary>
    public required Func<TState, TResult?> BeginItem { get; init; }

    /// <summary>Sees each row of an item; unused when <see cref="Item"/> is set.</summary>
    public Action<TState, TResult?, InputRow>? Row { get; init; }

    /// <summary>
    /// When set, parses a whole item in place of <see cref="RowSource.Parse"/> and <see cref="Row"/> and returns the rows
    /// it read: numeric layers parse fields where they lie, lookups take each value's bytes from the chunk, with no
    /// object per row.
    /// </summary>
    public ItemParser? Item { get; init; }

    /// <summary>Sees every non-null item result in input order, on one thread at a time.</summary>
    public Action<TResult>? Ordered { get; init; }

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Runs the adapt; returns the workers' states in worker order.</summary>
    public List<TState> Run(RowSource source, int threads, IProgressSink progress)
    {
        if (threads <= 1)
        {
            return RunOne(source, progress);
        }

        var queue = _queue = new WorkQueue<(long Index, IDisposable Item)>(threads * 2);
        var states = new TState[threads];
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            int slot = t;
            states[t] = CreateState();
            workers[t] = new Thread(() => Work(source, states[slot], queue)) { IsBackground = true, Name = $"prepgen adapt {t}" };
            workers[t].Start();
        }

        long index = 0;
        try
        {
            while (!Failed)
            {
                while (!queue.WaitForRoom(50))
                {
                    if (Failed)
                    {
                        break;
                    }
                }

                if (Failed)
                {
                    break;
                }

                IDisposable? item = source.Next();
                progress.Report(source.Position, source.Total, Rows);
                if (item is null)
                {
                    break;
                }

                queue.Add((index++, item));
            }
        }
        catch (Exception e)
        {
            Fail(index, e);
        }
        finally
        {
            queue.CompleteAdding();
            foreach (Thread worker in workers)
            {
                worker.Join();
            }
        }

        _failure?.Throw();
        progress.Report(source.Position, source.Total, Rows);
        return [.. states];
    }

    private bool Failed => Interlocked.Read(ref _failedIndex) != long.MaxValue;

    private List<TState> RunOne(RowSource source, IProgressSink progress)
    {
        TState state = CreateState();
        IDisposable? cache = null;
        try
        {
            IDisposable? item;
            while ((item = source.Next()) is not null)
            {
                using (item)
                {
                    TResult? result = Process(source, state, item, ref cache);
                    if (result is not null)
                    {
                        Ordered?.Invoke(result);
                    }
                }

                progress.Report(source.Position, source.Total, Rows);
            }
        }
        finally
        {
            cache?.Dispose();
        }

        return [state];
    }

    private TResult? Process(RowSource source, TState state, IDisposable item, ref IDisposable? cache)
    {
        TResult? result = BeginItem(state);
        long rows = 0;
        if (Item is not null)
        {
            rows = Item(source, state, result, item, ref cache);
        }
        else
        {
            Action<TState, TResult?, InputRow> each = Row ?? throw new InvalidOperationException("An adapt pipeline needs Row or Item.");
            source.Parse(item, ref cache, row =>
            {
                rows++;
                each(state, result, row);
            });
        }

        Interlocked.Add(ref _rows, rows);
        return result;
    }

    private void Work(RowSource source, TState state, WorkQueue<(long Index, IDisposable Item)> queue)
    {
        IDisposable? cache = null;
        try
        {
            while (queue.TryTake(out (long Index, IDisposable Item) next))
            {
                (long index, IDisposable item) = next;
                using (item)
                {
                    // Items after a failed one are not needed; the ones before it still run, in case one fails earlier.
                    if (index > Interlocked.Read(ref _failedIndex))
                    {
                        continue;
                    }

                    try
                    {
                        TResult? result = Process(source, state, item, ref cache);
                        Complete(index, result);
                    }
                    catch (Exception e)
                    {
                        Fail(index, e);
                    }
                }
            }
        }
        finally
        {
            cache?.Dispose();
        }
    }

    // Results reach Ordered in input order: whoever completes the next expected item drains the queue of results.
    private void Complete(long index, TResult? result)
    {
        if (Ordered is null)
        {
            _queue!.Release();
            return;
        }

        lock (_lock)
        {
            _pending[index] = result;
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        while (true)
        {
            TResult? next;
            long current;
            lock (_lock)
            {
                if (!_pending.Remove(_nextOrdered, out next))
                {
                    _draining = false;
                    return;
                }

                current = _nextOrdered++;
            }

            try
            {
                if (next is not null && current < Interlocked.Read(ref _failedIndex))
                {
                    Ordered(next);
                }
            }
            catch (Exception e)
            {
                Fail(current, e);
            }

            _queue!.Release();
        }
    }

    private void Fail(long index, Exception e)
    {
        lock (_lock)
        {
            if (index < _failedIndex)
            {
                Interlocked.Exchange(ref _failedIndex, index);
                _failure = ExceptionDispatchInfo.Capture(e);
            }
        }
    }
}
