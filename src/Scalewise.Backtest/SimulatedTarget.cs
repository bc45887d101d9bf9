namespace Scalewise.Backtest;

/// <summary>
/// The instances of a simulated target: ready ones, and batches on their way (provisioning, then warming up). Scale-in
/// cancels the newest batches first, then removes ready instances at once.
/// </summary>
internal sealed class SimulatedTarget(int initialReady)
{
    private readonly List<(int ReadyAt, int Count)> batches = [];
    private int head;

    public int Ready { get; private set; } = initialReady;

    public int Pending { get; private set; }

    public int Capacity => Ready + Pending;

    /// <summary>Makes ready every batch due by <paramref name="minute"/>.</summary>
    public void Advance(int minute)
    {
        while (head < batches.Count && batches[head].ReadyAt <= minute)
        {
            Ready += batches[head].Count;
            Pending -= batches[head].Count;
            head++;
        }

        if (head == batches.Count && head > 0)
        {
            batches.Clear();
            head = 0;
        }
    }

    /// <summary>Sets the capacity to <paramref name="capacity"/>; new instances serve from minute <paramref name="readyAt"/>.</summary>
    public void Resize(int capacity, int readyAt)
    {
        if (capacity > Capacity)
        {
            var added = capacity - Capacity;
            batches.Add((readyAt, added));
            Pending += added;
            return;
        }

        var remove = Capacity - capacity;
        while (remove > 0 && batches.Count > head)
        {
            var (at, count) = batches[^1];
            var taken = Math.Min(count, remove);
            remove -= taken;
            Pending -= taken;
            if (taken == count)
            {
                batches.RemoveAt(batches.Count - 1);
            }
            else
            {
                batches[^1] = (at, count - taken);
            }
        }

        Ready -= remove;
    }
}
