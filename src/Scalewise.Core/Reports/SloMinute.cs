namespace Scalewise.Core.Reports;

/// <summary>One observed minute: whether the target was over its SLO then, and why (null when it was not).</summary>
public sealed record SloMinute(DateTimeOffset Minute, int ReadyCapacity, string? Breach)
{
    public bool IsOver => Breach is not null;
}
