namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// Wall-clock timing for procedures, bound from "Scalewise:Procedures". The policy's own durations go through
/// <see cref="ProcedureClock"/> instead (the local runner compresses them; Azure does not).
/// </summary>
public sealed class ProcedureTiming
{
    public const string SectionName = "Scalewise:Procedures";

    public TimeSpan ProvisioningPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan ProvisioningTimeout { get; set; } = TimeSpan.FromMinutes(30);

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
}
