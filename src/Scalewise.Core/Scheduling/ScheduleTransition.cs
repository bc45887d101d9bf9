namespace Scalewise.Core.Scheduling;

/// <summary>The next instant the window in force changes, from <see cref="From"/> to <see cref="To"/> (null: the policy's own bounds).</summary>
public sealed record ScheduleTransition(DateTimeOffset At, ActiveScheduleWindow? From, ActiveScheduleWindow? To);
