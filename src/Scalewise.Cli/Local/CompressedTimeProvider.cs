namespace Scalewise.Cli.Local;

/// <summary>
/// A clock that runs <see cref="Compression"/> times faster than real time from the moment it is made (or, when made
/// held, from <see cref="Start"/>): the local runner replays a 45-minute load test in a few minutes, and the simulator,
/// the policy evaluation and the cooldown clock all read this one clock so that they agree on what "five minutes" means.
/// </summary>
public sealed class CompressedTimeProvider(double compression, DateTimeOffset origin, bool held = false) : TimeProvider
{
    private long startTimestamp = held ? 0 : System.GetTimestamp();

    public double Compression { get; } = compression;

    public DateTimeOffset Origin { get; } = origin;

    public override DateTimeOffset GetUtcNow()
    {
        var started = Interlocked.Read(ref startTimestamp);
        return started == 0 ? Origin : Origin + TimeSpan.FromTicks((long)(System.GetElapsedTime(started).Ticks * Compression));
    }

    /// <summary>Starts a held clock: until now it read <see cref="Origin"/>. Does nothing to a running clock.</summary>
    public void Start() => Interlocked.CompareExchange(ref startTimestamp, System.GetTimestamp(), 0);

    /// <summary>How long to wait in real time for <paramref name="virtualDuration"/> to pass on this clock.</summary>
    public TimeSpan ToRealTime(TimeSpan virtualDuration) => TimeSpan.FromTicks((long)(virtualDuration.Ticks / Compression));
}
