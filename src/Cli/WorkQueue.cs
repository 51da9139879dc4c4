using System.Collections.Generic;
using System.Threading;

namespace PrepGen.Cli;

/// <summary>
/// The hand-off between the adapt reader and its workers: a queue of items with a cap on how many are in flight
/// (queued or being processed). Waiting blocks on a monitor and never spins: with the reader and a worker per
/// core, a spinning waiter takes the core a busy thread needs (SemaphoreSlim and BlockingCollection spin first,
/// which cost 2-thread adapts a fifth of their time).
/// </summary>
internal sealed class WorkQueue<T>
{
    private readonly object _lock = new();
    private readonly Queue<T> _items = new();
    private readonly int _capacity;
    private int _inFlight;
    private bool _completed;

    public WorkQueue(int capacity) => _capacity = capacity;

    /// <summary>Waits up to <paramref name="timeoutMs"/> for room for one more item; true when it was taken.</summary>
    public bool WaitForRoom(int timeoutMs)
    {
        lock (_lock)
        {
            if (_inFlight >= _capacity)
            {
                Monitor.Wait(_lock, timeoutMs);
            }

            if (_inFlight >= _capacity)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    /// <summary>Queues an item for which <see cref="WaitForRoom"/> made room.</summary>
    public void Add(T item)
    {
        lock (_lock)
        {
            _items.Enqueue(item);
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>An item is done: its room is free again.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _inFlight--;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>No more items: takers return false once the queue is empty.</summary>
    public void CompleteAdding()
    {
        lock (_lock)
        {
            _completed = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The next item, waiting for one; false when the queue is empty and complete.</summary>
    public bool TryTake(out T item)
    {
        lock (_lock)
        {
            while (_items.Count == 0 && !_completed)
            {
                Monitor.Wait(_lock);
            }

            return _items.TryDequeue(out item!);
        }
    }
}
