namespace GptBook.Images;

/// <summary>
/// A weighted gate: parallel workers reserve the memory their decode is expected to need and wait while the
/// total would exceed the budget. One reservation larger than the whole budget still runs, but alone, so a big
/// (yet allowed) image can never deadlock the stage.
/// </summary>
internal sealed class ImageMemoryBudget(long capacityBytes)
{
    private readonly object _lock = new(); // not System.Threading.Lock: Monitor.Wait needs a monitor
    private long _inUse;

    public Reservation Reserve(long bytes)
    {
        lock (_lock)
        {
            while (_inUse > 0 && _inUse + bytes > capacityBytes)
                Monitor.Wait(_lock);
            _inUse += bytes;
        }
        return new Reservation(this, bytes);
    }

    private void Release(long bytes)
    {
        lock (_lock)
        {
            _inUse -= bytes;
            Monitor.PulseAll(_lock);
        }
    }

    public readonly struct Reservation(ImageMemoryBudget owner, long bytes) : IDisposable
    {
        public void Dispose() => owner.Release(bytes);
    }
}
