namespace Scalewise.Core.Decisions;

/// <summary>
/// A manual scale request checked against the policy: either the <see cref="Decision"/> to record and carry out, or the
/// <see cref="Error"/> a person reads and the request <see cref="Field"/> it is about.
/// </summary>
public sealed record ManualScaleResult(ScalingDecision? Decision, string? Error, string? Field)
{
    public bool IsAccepted => Decision is not null;

    public static ManualScaleResult Accepted(ScalingDecision decision) => new(decision, null, null);

    public static ManualScaleResult Rejected(string field, string error) => new(null, error, field);
}
