using Scalewise.Core.Procedures;

namespace Scalewise.Core.Reports;

/// <summary>
/// The facts of one emergency scale-up that a <see cref="CapacityReport"/> is about: when it was decided, what it asked for,
/// how its procedure ended and when the new capacity was verified ready (null when it never was). Times are on the policy's clock.
/// </summary>
public sealed record EmergencyEpisode(
    string PolicyId,
    string TargetResourceId,
    string InstanceId,
    DateTimeOffset DecidedAt,
    string Reason,
    ProcedureOutcome Outcome,
    int FromCapacity,
    int ToCapacity,
    DateTimeOffset? CapacityReadyAt)
{
    /// <summary>The capacity that was serving in the minute starting at <paramref name="minute"/>: the new one only from the minute it was ready.</summary>
    public int ReadyCapacityAt(DateTimeOffset minute) =>
        CapacityReadyAt is { } ready && minute >= ready ? ToCapacity : FromCapacity;
}
