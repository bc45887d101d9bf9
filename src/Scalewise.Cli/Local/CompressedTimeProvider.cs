namespace Scalewise.Cli.Local;

/// <summary>
/// A clock that runs <see cref="Compression"/> times faster than real time from the moment it is made: the local
/// runner replays a 45-minute load test in a few minutes, and the simulator, the policy evaluation and the cooldown
/// clock all read this one clock so that they agree on what "five minutes" means.
/// </summary>
public sealed class CompressedTimeProvider(double compression, DateTimeOffset origin) : TimeProvider
{
    private readonly long startTimestamp = System.GetTimestamp();

    public double Compression { get; } = compression;

    public DateTimeOffset Origin { get; } = origin;

    public override DateTimeOffset GetUtcNow() => Origin + TimeSpan.FromTicks((long)(System.GetElapsedTime(startTimestamp).Ticks * Compression));

    /// <summary>How long to wait in real time for <paramref name="virtualDuration"/> to pass on this clock.</summary>
    public TimeSpan ToRealTime(TimeSpan virtualDuration) => TimeSpan.FromTicks((long)(virtualDuration.Ticks / Compression));
}
