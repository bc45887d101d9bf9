namespace Scalewise.Orchestrations.Activities;

/// <summary>
/// Output of <see cref="ProcedureActivities.ApplyCapacity"/>: accepted, or refused for now (ARM throttled the call or
/// another operation is in progress) with how long to wait before asking again.
/// </summary>
public sealed record ApplyOutcome(bool Accepted, TimeSpan RetryAfter, string Detail)
{
    public static ApplyOutcome Started(string detail) => new(true, TimeSpan.Zero, detail);
}
