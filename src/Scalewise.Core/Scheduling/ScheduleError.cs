namespace Scalewise.Core.Scheduling;

/// <summary>One thing wrong with a schedule: where (a JSON path relative to the schedule, such as <c>$.windows[2].cron</c>), what, and what would be accepted.</summary>
public sealed record ScheduleError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
