using System.Diagnostics.CodeAnalysis;
using System.Xml;

namespace Scalewise.Simulator.Wire;

/// <summary>A parsed metrics query: names, time range, grain and aggregations.</summary>
internal sealed record MetricsQuery(
    IReadOnlyList<string> MetricNames,
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan Interval,
    MetricAggregations Aggregations)
{
    public const string Namespace = "microsoft.compute/virtualmachinescalesets";

    /// <summary>Azure Monitor keeps platform metrics for 93 days; longer ranges are refused.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(93);

    public static bool TryParseTimespan(string? value, DateTimeOffset now, out DateTimeOffset start, out DateTimeOffset end, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            // Azure Monitor's default is the last hour.
            end = now;
            start = now - TimeSpan.FromHours(1);
            return true;
        }

        start = end = default;
        var parts = value.Split('/');
        if (parts.Length != 2 || !TryParseTime(parts[0], out start))
        {
            error = $"Invalid timespan '{value}': expected {{start}}/{{end}} in ISO 8601, e.g. 2025-01-01T00:00:00Z/2025-01-01T01:00:00Z.";
            return false;
        }

        if (parts[1].StartsWith('P'))
        {
            if (!TryParseDuration(parts[1], out var duration))
            {
                error = $"Invalid timespan '{value}': '{parts[1]}' is not an ISO 8601 duration.";
                return false;
            }

            end = start + duration;
        }
        else if (!TryParseTime(parts[1], out end))
        {
            error = $"Invalid timespan '{value}': '{parts[1]}' is not an ISO 8601 time.";
            return false;
        }

        if (end <= start)
        {
            error = $"Invalid timespan '{value}': the end must be after the start.";
            return false;
        }

        if (end - start > MaxRange)
        {
            error = $"Invalid timespan '{value}': it is longer than the max metrics retention period of 93 days.";
            return false;
        }

        return true;
    }

    public static bool TryParseTime(string value, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    public static bool TryParseInterval(string? value, DateTimeOffset start, DateTimeOffset end, out TimeSpan interval, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            interval = TimeSpan.FromMinutes(1);
            return true;
        }

        if (value.Equals("FULL", StringComparison.OrdinalIgnoreCase))
        {
            interval = TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling((end - start).TotalMinutes)));
            return true;
        }

        if (!TryParseDuration(value, out interval) || interval < TimeSpan.FromMinutes(1) || interval.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            error = $"Invalid interval '{value}': expected an ISO 8601 duration of whole minutes (PT1M, PT5M, PT15M, PT30M, PT1H, ...) or FULL.";
            return false;
        }

        return true;
    }

    public static bool TryParseAggregations(string? value, out MetricAggregations aggregations, [NotNullWhen(false)] out string? error)
    {
        error = null;
        aggregations = MetricAggregations.None;
        if (string.IsNullOrWhiteSpace(value))
        {
            aggregations = MetricAggregations.Average;
            return true;
        }

        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<MetricAggregations>(part, ignoreCase: true, out var one) || one == MetricAggregations.None || !Enum.IsDefined(one))
            {
                error = $"Invalid aggregation '{part}': expected any of Average, Minimum, Maximum, Total, Count.";
                return false;
            }

            aggregations |= one;
        }

        if (aggregations == MetricAggregations.None)
        {
            aggregations = MetricAggregations.Average;
        }

        return true;
    }

    private static bool TryParseDuration(string value, out TimeSpan duration)
    {
        try
        {
            duration = XmlConvert.ToTimeSpan(value);
            return true;
        }
        catch (FormatException)
        {
            duration = default;
            return false;
        }
    }
}
