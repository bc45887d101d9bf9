namespace Scalewise.Simulator.Load;

/// <summary>
/// A baseline with an occasional spike: for <paramref name="length"/> out of every <paramref name="every"/> (counted from the
/// Unix epoch, so the same time always answers the same), the baseline's rate times <paramref name="factor"/>.
/// </summary>
public sealed class SpikeLoadProfile(ILoadProfile baseline, TimeSpan every, TimeSpan length, double factor) : ILoadProfile
{
    public double RequestsPerSecondAt(DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var rate = baseline.RequestsPerSecondAt(time);
        var into = TimeSpan.FromTicks(((time - DateTimeOffset.UnixEpoch).Ticks % every.Ticks + every.Ticks) % every.Ticks);
        return into < length ? rate * factor : rate;
    }
}
