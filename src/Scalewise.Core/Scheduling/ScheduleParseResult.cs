namespace Scalewise.Core.Scheduling;

/// <summary>A schedule document read: the <see cref="Schedule"/> when it is well-formed and valid, otherwise every <see cref="Errors"/> found.</summary>
public sealed record ScheduleParseResult(Schedule? Schedule, IReadOnlyList<ScheduleError> Errors)
{
    public bool IsValid => Schedule is not null && Errors.Count == 0;
}
