namespace Scalewise.Core.Decisions;

/// <summary>How decisions put numbers, durations and rules into words.</summary>
/// <remarks>
/// The parts (<see cref="NumberPart"/>, <see cref="RulePart"/>, ...) write themselves into a <see cref="ReasonText"/>, so
/// a reason built from them with <see cref="Format"/> allocates only the reason; the string methods return the same text.
/// </remarks>
internal static class DecisionText
{
    /// <summary>The interpolated text in the invariant culture (as <see cref="FormattableString.Invariant"/>).</summary>
    public static string Format(ref ReasonText text) => text.ToStringAndClear();

    /// <summary>"Percentage CPU Average over 5m", "Requests per instance P95 over 3m".</summary>
    /// <remarks>A formula rule reads "formula cpu > 80 and memory > 50".</remarks>
    public static MetricPart Metric(MetricTrigger trigger) =>
        new(trigger.MetricName ?? string.Empty, trigger.Percentile, trigger.TimeAggregation, trigger.DividePerInstance, trigger.TimeWindow, trigger.Formula);

    /// <summary>"'cpu-high' (Percentage CPU Average over 5m = 86.2 &gt; 80)", or why it did not fire.</summary>
    public static RulePart Describe(ScalingRule rule, RuleEvaluation evaluation) => new(rule.Name, rule.Trigger, evaluation, false);

    /// <summary>A rule's or an alert's trigger, by name: "'cpu-high' (Percentage CPU Average over 5m = 86.2 &gt; 80)".</summary>
    public static RulePart Describe(string name, MetricTrigger trigger, RuleEvaluation evaluation) => new(name, trigger, evaluation, false);

    /// <summary>"target tracking 'cpu-70' (Percentage CPU Average over 5m = 84 against a target of 70)".</summary>
    public static TrackingPart Describe(TargetTrackingRule rule, RuleEvaluation evaluation) => new(rule, evaluation);

    /// <summary>"'cpu-high' fired (Percentage CPU Average over 5m = 86.2 &gt; 80)".</summary>
    public static RulePart Fired(ScalingRule rule, RuleEvaluation evaluation) => new(rule.Name, rule.Trigger, evaluation, true);

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

    public static string Number(double value) => new NumberPart(value).ToString();

    public static string Money(decimal value) => new MoneyPart(value).ToString();

    /// <summary>A duration as people write it: "5m", "1h30m", "45s".</summary>
    public static string Duration(TimeSpan span) => new DurationPart(span).ToString();

    /// <summary>A number as reasons show it: two decimals at most, or three significant digits for tiny values.</summary>
    public readonly struct NumberPart(double value) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            // Two decimals read well for percentages and counts; tiny values would round to 0, so they keep three significant digits.
            if (value != 0 && Math.Abs(value) < 0.01)
            {
                text.AppendFormatted(value, "G3");
                return;
            }

            // What "0.##" writes for Math.Round(value, 2), without parsing the custom format. That rounding is
            // Math.Round(value * 100) / 100, and below 10^12 the result is exactly its hundredths, so they give the
            // digits. Zero, huge and non-finite values take the format itself.
            var scaled = Math.Round(value * 100);
            if (scaled == 0 || !(Math.Abs(scaled) < 1e14))
            {
                text.AppendFormatted(Math.Round(value, 2), "0.##");
                return;
            }

            Span<char> buffer = stackalloc char[24];
            var length = 0;
            var hundredths = (long)scaled;
            if (hundredths < 0)
            {
                buffer[length++] = '-';
                hundredths = -hundredths;
            }

            (hundredths / 100).TryFormat(buffer[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
            var fraction = (int)(hundredths % 100);
            if (fraction != 0)
            {
                buffer[length++] = '.';
                buffer[length++] = (char)('0' + (fraction / 10));
                if (fraction % 10 != 0)
                {
                    buffer[length++] = (char)('0' + (fraction % 10));
                }
            }

            text.AppendFormatted((ReadOnlySpan<char>)buffer[..length]);
        }

        public override string ToString() => Format($"{this}");
    }

    /// <summary>"$0.096", "$12.50".</summary>
    public readonly struct MoneyPart(decimal value) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            text.AppendLiteral("$");
            text.AppendFormatted(value, "0.00##");
        }

        public override string ToString() => Format($"{this}");
    }

    /// <summary>A duration as people write it: "5m", "1h30m", "45s".</summary>
    public readonly struct DurationPart(TimeSpan span) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            if (span <= TimeSpan.Zero)
            {
                text.AppendLiteral("0m");
                return;
            }

            var any = Unit(ref text, span.Days, "d") | Unit(ref text, span.Hours, "h") | Unit(ref text, span.Minutes, "m") | Unit(ref text, span.Seconds, "s");
            if (!any)
            {
                text.AppendFormatted(span, "c");
            }
        }

        public override string ToString() => Format($"{this}");

        private static bool Unit(ref ReasonText text, int amount, string unit)
        {
            if (amount <= 0)
            {
                return false;
            }

            text.AppendFormatted(amount);
            text.AppendLiteral(unit);
            return true;
        }
    }

    /// <summary>"Percentage CPU Average over 5m", "Requests per instance P95 over 3m".</summary>
    public readonly struct MetricPart(string metricName, double? percentile, TimeAggregation aggregation, bool perInstance, TimeSpan window, string? formula = null) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            if (formula is not null)
            {
                text.AppendLiteral("formula ");
                text.AppendFormatted(formula);
                return;
            }

            text.AppendFormatted(metricName);
            if (perInstance)
            {
                text.AppendLiteral(" per instance");
            }

            text.AppendLiteral(" ");
            if (percentile is { } p)
            {
                text.AppendLiteral("P");
                text.AppendFormatted(new NumberPart(p));
            }
            else
            {
                text.AppendFormatted(aggregation switch
                {
                    TimeAggregation.Average => nameof(TimeAggregation.Average),
                    TimeAggregation.Minimum => nameof(TimeAggregation.Minimum),
                    TimeAggregation.Maximum => nameof(TimeAggregation.Maximum),
                    TimeAggregation.Total => nameof(TimeAggregation.Total),
                    TimeAggregation.Count => nameof(TimeAggregation.Count),
                    TimeAggregation.Last => nameof(TimeAggregation.Last),
                    _ => aggregation.ToString(),
                });
            }

            text.AppendLiteral(" over ");
            text.AppendFormatted(new DurationPart(window));
        }

        public override string ToString() => Format($"{this}");
    }

    /// <summary>"'cpu-high' (Percentage CPU Average over 5m = 86.2 &gt; 80)"; with <paramref name="fired"/>, "'cpu-high' fired (...)".</summary>
    /// <remarks>A formula rule without a value says why ("no value for formula ...: memory has no data"); with one, it adds the named metrics' values.</remarks>
    public readonly struct RulePart(string name, MetricTrigger trigger, RuleEvaluation evaluation, bool fired) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            // " fired" goes before the first " (" of the description, which is inside the name when the name has one.
            var split = fired ? name.IndexOf(" (", StringComparison.Ordinal) : -1;
            text.AppendLiteral("'");
            if (split >= 0)
            {
                text.AppendFormatted(name.AsSpan(0, split));
                text.AppendLiteral(" fired");
                text.AppendFormatted(name.AsSpan(split));
                text.AppendLiteral("'");
            }
            else
            {
                text.AppendFormatted(name);
                text.AppendLiteral(fired ? "' fired" : "'");
            }

            if (evaluation.Observed is not { } observed)
            {
                text.AppendLiteral(trigger.Formula is null ? " (no data for " : " (no value for ");
                text.AppendFormatted(Metric(trigger));
                if (trigger.Formula is not null)
                {
                    text.AppendLiteral(": ");
                    text.AppendFormatted(evaluation.Detail);
                }

                text.AppendLiteral(")");
                return;
            }

            text.AppendLiteral(" (");
            text.AppendFormatted(Metric(trigger));
            text.AppendLiteral(" = ");
            text.AppendFormatted(new NumberPart(observed));
            text.AppendLiteral(evaluation.Fired ? " " : ", not ");
            text.AppendLiteral(Symbol(trigger.Operator));
            text.AppendLiteral(" ");
            text.AppendFormatted(new NumberPart(trigger.Threshold));
            if (evaluation.Detail is { } detail)
            {
                text.AppendLiteral("; ");
                text.AppendFormatted(detail);
            }

            text.AppendLiteral(")");
        }

        public override string ToString() => Format($"{this}");
    }

    /// <summary>"target tracking 'cpu-70' (Percentage CPU Average over 5m = 84 against a target of 70)".</summary>
    public readonly struct TrackingPart(TargetTrackingRule rule, RuleEvaluation evaluation) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            var metric = new MetricPart(rule.MetricName, rule.Percentile, rule.TimeAggregation, rule.DividePerInstance, rule.TimeWindow);
            text.AppendLiteral("target tracking '");
            text.AppendFormatted(rule.Name);
            if (evaluation.Observed is { } observed)
            {
                text.AppendLiteral("' (");
                text.AppendFormatted(metric);
                text.AppendLiteral(" = ");
                text.AppendFormatted(new NumberPart(observed));
                text.AppendLiteral(" against a target of ");
                text.AppendFormatted(new NumberPart(rule.TargetValue));
                text.AppendLiteral(")");
            }
            else
            {
                text.AppendLiteral("' (no data for ");
                text.AppendFormatted(metric);
                text.AppendLiteral(")");
            }
        }

        public override string ToString() => Format($"{this}");
    }
}
