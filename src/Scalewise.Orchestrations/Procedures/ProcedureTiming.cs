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

    public TimeSpan ToWallClock(TimeSpan policyDuration) =>
        TimeCompression <= 1 ? policyDuration : TimeSpan.FromTicks((long)(policyDuration.Ticks / TimeCompression));
}
