namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What an <see cref="EmergencyScaleUp"/> is asked to do: the capacity change (<see cref="Procedure"/>, never with an
/// approval), when the emergency was decided (on the policy's clock), how verification checks quickly, and how long the
/// aftermath is watched before the capacity report is written. Durations are wall-clock durations for durable timers.
/// </summary>
public sealed record EmergencyScaleUpInput(
    ScaleProcedureInput Procedure,
    DateTimeOffset DecidedAt,
    int VerifyChecks,
    TimeSpan VerifyInterval,
    TimeSpan ObservationPeriod,
    TimeSpan ObservationInterval);
