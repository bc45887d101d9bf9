using System.Xml;

namespace Scalewise.Core.Metrics;

/// <summary>The time grains (intervals) Azure Monitor's metrics API accepts; any other is refused by Azure.</summary>
public static class MetricTimeGrains
{
    public static readonly IReadOnlyList<TimeSpan> Accepted =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1),
    ];

    /// <summary>"PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D".</summary>
    public static string Names { get; } = string.Join(", ", Accepted.Select(XmlConvert.ToString));

    public static bool IsAccepted(TimeSpan grain) => Accepted.Contains(grain);

    /// <summary>The longest accepted grain not longer than <paramref name="grain"/> (PT1M for anything shorter than a minute).</summary>
    public static TimeSpan AtMost(TimeSpan grain) => Accepted.LastOrDefault(g => g <= grain, Accepted[0]);
}
