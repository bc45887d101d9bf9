namespace Scalewise.Simulator.Load;

/// <summary>
/// The load offered to a simulated resource over time: each profile applies from when it was set, and the first
/// one also stands for all earlier time, so metric history is never an artificial zero. Not thread-safe: the
/// owning resource holds its lock around every call.
/// </summary>
internal sealed class LoadTimeline
{
    private readonly List<(DateTimeOffset From, ILoadProfile Profile)> profiles = [(DateTimeOffset.MinValue, ConstantLoadProfile.None)];
    private bool wasSet;

    public void Set(ILoadProfile profile, DateTimeOffset now)
    {
        if (!wasSet)
        {
            profiles.Clear();
            profiles.Add((DateTimeOffset.MinValue, profile));
            wasSet = true;
        }
        else
        {
            profiles.Add((now, profile));
        }
    }

    public double RequestsPerSecondAt(DateTimeOffset time)
    {
        for (var i = profiles.Count - 1; i >= 0; i--)
        {
            if (profiles[i].From <= time)
            {
                return Math.Max(0, profiles[i].Profile.RequestsPerSecondAt(time));
            }
        }

        return 0;
    }
}
