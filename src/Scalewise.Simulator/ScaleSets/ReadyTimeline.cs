namespace Scalewise.Simulator.ScaleSets;

/// <summary>
/// How many of a scale set's instances were serving over time: a step function, one step per change, oldest first. The
/// first step stands for all earlier time. Guarded by its scale set's lock.
/// </summary>
internal sealed class ReadyTimeline(int initial)
{
    private readonly List<(DateTimeOffset At, int Ready)> steps = [(DateTimeOffset.MinValue, initial)];

    /// <summary>Instances serving after the last change.</summary>
    public int Current => steps[^1].Ready;

    /// <summary>From <paramref name="at"/> on, <paramref name="delta"/> more (or fewer) instances serve.</summary>
    public void Change(DateTimeOffset at, int delta) => steps.Add((at, Current + delta));

    /// <summary>Instances that were serving at <paramref name="time"/>.</summary>
    public int At(DateTimeOffset time)
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].At <= time)
            {
                return steps[i].Ready;
            }
        }

        return steps[0].Ready;
    }
}
