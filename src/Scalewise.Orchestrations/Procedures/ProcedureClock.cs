namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// How the policy's durations (warm-up, approval timeout, an emergency's aftermath) become the waits a procedure makes.
/// In Azure they are the same: this class is the identity. The local runner and the replay tests register a compressed
/// clock (<c>Scalewise.LocalSupport.CompressedProcedureClock</c>) because they replay load faster than real time; the
/// factor lives only there, and <see cref="ProcedureLauncher"/> applies it before a duration enters an input.
/// </summary>
public class ProcedureClock
{
    /// <summary>The wall-clock wait for a duration the policy states.</summary>
    public virtual TimeSpan ToWallClock(TimeSpan policyDuration) => policyDuration;

    /// <summary>The policy-time length of a wall-clock duration a procedure measured (the inverse of <see cref="ToWallClock"/>).</summary>
    public virtual TimeSpan ToPolicyClock(TimeSpan wallClockDuration) => wallClockDuration;
}
