namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Wall-clock timing for procedures, bound from "Scalewise:Procedures". <see cref="TimeCompression"/> is 1 in
/// Azure; the local runner replays load faster than real time and divides policy durations by it so that a
/// policy's 2-minute warm-up lasts as long, relative to the replayed load, as it would in production.
/// </summary>
public sealed class ProcedureTiming
{
    public TimeSpan ProvisioningPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan ProvisioningTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public double TimeCompression { get; set; } = 1;

    /// <summary>How long to wait before asking again after ARM answered 409 or 429 without a Retry-After.</summary>
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an emergency scale-up polls provisioning (never less often than <see cref="ProvisioningPollInterval"/>).</summary>
    public TimeSpan EmergencyPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many quick checks an emergency scale-up makes before its verification fails.</summary>
    public int EmergencyVerifyChecks { get; set; } = 6;

    /// <summary>The wait between an emergency scale-up's verification checks.</summary>
    public TimeSpan EmergencyVerifyInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest an emergency's aftermath is watched before its capacity report is written (policy time).</summary>
    public TimeSpan EmergencyObservationPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the aftermath is looked at (policy time; metrics have a one-minute grain).</summary>
    public TimeSpan EmergencyObservationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ToWallClock(TimeSpan policyDuration) =>
        TimeCompression <= 1 ? policyDuration : TimeSpan.FromTicks((long)(policyDuration.Ticks / TimeCompression));

    /// <summary>The policy-time length of a wall-clock duration a procedure measured (the inverse of <see cref="ToWallClock"/>).</summary>
    public TimeSpan ToPolicyClock(TimeSpan wallClockDuration) =>
        TimeCompression <= 1 ? wallClockDuration : TimeSpan.FromTicks((long)(wallClockDuration.Ticks * TimeCompression));
}
