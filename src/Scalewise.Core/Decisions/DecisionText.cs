using System.Globalization;
using Scalewise.Core.Policies;

namespace Scalewise.Core.Decisions;

/// <summary>How decisions put numbers, durations and rules into words.</summary>
internal static class DecisionText
{
    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Percentage CPU Average over 5m", "Requests per instance P95 over 3m".</summary>
    public static string Metric(MetricTrigger trigger)
    {
        if (trigger.Formula is { } formula)
        {
            return "formula " + formula;
        }

        var statistic = trigger.Percentile is { } p ? "P" + Number(p) : trigger.TimeAggregation.ToString();
        var perInstance = trigger.DividePerInstance ? " per instance" : string.Empty;
        return $"{trigger.MetricName}{perInstance} {statistic} over {Duration(trigger.TimeWindow)}";
    }

    /// <summary>"'cpu-high' (Percentage CPU Average over 5m = 86.2 &gt; 80)", or why it did not fire.</summary>
    public static string Describe(ScalingRule rule, RuleEvaluation evaluation) => Describe(rule.Name, rule.Trigger, evaluation);

    /// <summary>A rule's or an alert's trigger, by name: "'cpu-high' (Percentage CPU Average over 5m = 86.2 &gt; 80)".</summary>
    public static string Describe(string name, MetricTrigger trigger, RuleEvaluation evaluation)
    {
        if (evaluation.Observed is not { } observed)
        {
            return trigger.Formula is null
                ? $"'{name}' (no data for {Metric(trigger)})"
                : $"'{name}' (no value for {Metric(trigger)}: {evaluation.Detail})";
        }

        var comparison = evaluation.Fired
            ? $"{Number(observed)} {Symbol(trigger.Operator)} {Number(trigger.Threshold)}"
            : $"{Number(observed)}, not {Symbol(trigger.Operator)} {Number(trigger.Threshold)}";
        var parts = evaluation.Detail is { } detail ? $"; {detail}" : string.Empty;
        return $"'{name}' ({Metric(trigger)} = {comparison}{parts})";
    }

    /// <summary>"target tracking 'cpu-70' (Percentage CPU Average over 5m = 84 against a target of 70)".</summary>
    public static string Describe(TargetTrackingRule rule, RuleEvaluation evaluation)
    {
        var metric = Metric(rule.AsTrigger());
        return evaluation.Observed is { } observed
            ? $"target tracking '{rule.Name}' ({metric} = {Number(observed)} against a target of {Number(rule.TargetValue)})"
            : $"target tracking '{rule.Name}' (no data for {metric})";
    }

    /// <summary>"'cpu-high' fired (Percentage CPU Average over 5m = 86.2 &gt; 80)".</summary>
    public static string Fired(ScalingRule rule, RuleEvaluation evaluation)
    {
        var described = Describe(rule, evaluation);
        var open = described.IndexOf(" (", StringComparison.Ordinal);
        return described[..open] + " fired" + described[open..];
    }

    public static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => "≥",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "≤",
        ComparisonOperator.Equals => "=",
        ComparisonOperator.NotEquals => "≠",
        _ => op.ToString(),
    };

    public static string Number(double value)
    {
        // Two decimals read well for percentages and counts; tiny values would round to 0, so they keep three significant digits.
        if (value != 0 && Math.Abs(value) < 0.01)
        {
            return value.ToString("G3", CultureInfo.InvariantCulture);
        }

        return Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
    }

    public static string Money(decimal value) => "$" + value.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>A duration as people write it: "5m", "1h30m", "45s".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "0m";
        }

        var text = string.Empty;
        if (span.Days > 0)
        {
            text += span.Days.ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (span.Hours > 0)
        {
            text += span.Hours.ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (span.Minutes > 0)
        {
            text += span.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (span.Seconds > 0)
        {
            text += span.Seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        return text.Length == 0 ? span.ToString("c", CultureInfo.InvariantCulture) : text;
    }
}
