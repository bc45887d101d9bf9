namespace Scalewise.Core.Scheduling;

public enum ScheduleWindowKind
{
    Recurring,
    Fixed,
}
