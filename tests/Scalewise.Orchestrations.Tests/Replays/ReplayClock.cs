namespace Scalewise.Orchestrations.Tests.Replays;

/// <summary>
/// The replay's time, moved by the test a whole minute per tick: the evaluation, the procedures' activities (the cooldown
/// clock) and the metric windows read it, so a decision at minute 6 sees exactly 300 s since a scale-out at minute 1.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private long now = start.UtcTicks;
    private long reads;

    /// <summary>
    /// The simulator's view of the same time: a hair (one tick per read) later on every read, so that a scale or resize the
    /// simulator models as taking one tick completes while the replay's minute stands still.
    /// </summary>
    public TimeProvider Estate => new EstateView(this);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref now), TimeSpan.Zero);

    public void AdvanceTo(DateTimeOffset time)
    {
        if (time.UtcTicks < Interlocked.Read(ref now))
        {
            throw new InvalidOperationException($"The replay clock only moves forward ({GetUtcNow():O} → {time:O}).");
        }

        Interlocked.Exchange(ref reads, 0);
        Interlocked.Exchange(ref now, time.UtcTicks);
    }

    private sealed class EstateView(ReplayClock replay) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() =>
            new(Interlocked.Read(ref replay.now) + Interlocked.Increment(ref replay.reads), TimeSpan.Zero);
    }
}
