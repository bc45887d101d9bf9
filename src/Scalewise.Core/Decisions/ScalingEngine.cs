using System.Globalization;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;

namespace Scalewise.Core.Decisions;

/// <summary>
/// Reactive decisions with Azure autoscale's semantics: scale out when any scale-out rule fires (the largest change
/// wins), scale in only when every scale-in rule fires and no scale-out rule does (the smallest change wins),
/// per-direction cooldowns, and capacity kept within the policy's bounds whatever the rules say.
/// </summary>
/// <remarks>
/// Only an outcome of <see cref="DecisionOutcome.Scale"/> asks for a change. <see cref="DecisionOutcome.CooldownHeld"/>,
/// <see cref="DecisionOutcome.AtBound"/>, <see cref="DecisionOutcome.NoData"/> and <see cref="DecisionOutcome.NoChange"/>
/// keep <see cref="ScalingDecision.NewCapacity"/> equal to the current capacity; the reason says what would have
/// happened. In <see cref="PolicyMode.Observe"/> a decision that would scale becomes <see cref="DecisionOutcome.Observed"/>
/// and keeps the capacity it would have chosen; the other outcomes are reported as they are, since none of them acts.
/// </remarks>
public static class ScalingEngine
{
    public static ScalingDecision Decide(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, TargetState state, int currentCapacity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(state);

        var evaluations = policy.Rules.Select(rule => Evaluate(rule, policy.Target.ResourceId, windows, now)).ToList();
        var draft = Choose(policy, evaluations, state, currentCapacity, now);

        var outcome = draft.Outcome;
        var reason = draft.Reason;
        if (policy.Mode == PolicyMode.Observe && outcome == DecisionOutcome.Scale)
        {
            outcome = DecisionOutcome.Observed;
            reason = "Observe mode, not acted on: would " + char.ToLowerInvariant(reason[0]) + reason[1..];
        }

        return new ScalingDecision(
            policy.Id,
            policy.Target.ResourceId,
            DecisionKind.Reactive,
            outcome,
            draft.Direction,
            currentCapacity,
            draft.NewCapacity,
            reason,
            evaluations,
            now);
    }

    private static Draft Choose(ScalingPolicy policy, List<RuleEvaluation> evaluations, TargetState state, int current, DateTimeOffset now)
    {
        var bounds = policy.Capacity;

        // Bounds are law: a target outside them is brought back before any rule is considered, cooldown or not.
        if (current < bounds.Minimum)
        {
            return new(DecisionOutcome.Scale, ScaleDirection.Increase, bounds.Minimum, Format(
                $"Scale out {current} → {bounds.Minimum}: capacity {current} is below the policy's minimum of {bounds.Minimum}, which holds whatever the rules say."));
        }

        if (current > bounds.Maximum)
        {
            return new(DecisionOutcome.Scale, ScaleDirection.Decrease, bounds.Maximum, Format(
                $"Scale in {current} → {bounds.Maximum}: capacity {current} is above the policy's maximum of {bounds.Maximum}, which holds whatever the rules say."));
        }

        if (policy.Rules.Count == 0)
        {
            return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format($"No change at {current}: the policy has no rules."));
        }

        if (evaluations.All(e => e.Observed is null))
        {
            var missing = Join(policy.Rules.Select(r => $"'{r.Trigger.MetricName}' (rule '{r.Name}')").Distinct());
            return new(DecisionOutcome.NoData, ScaleDirection.None, current, Format(
                $"No data: Azure Monitor returned no values for {missing}, so capacity stays at {current}."));
        }

        var rules = policy.Rules.Zip(evaluations, (rule, evaluation) => (Rule: rule, Evaluation: evaluation)).ToList();
        var outRules = rules.Where(r => r.Rule.Action.Direction == ScaleDirection.Increase).ToList();
        var inRules = rules.Where(r => r.Rule.Action.Direction == ScaleDirection.Decrease).ToList();

        var firedOut = outRules.Where(r => r.Evaluation.Fired).ToList();
        if (firedOut.Count > 0)
        {
            var winner = firedOut.MaxBy(r => r.Rule.Action.ChangeCount);
            var why = firedOut.Count == 1
                ? "rule " + Fired(winner.Rule, winner.Evaluation)
                : Format($"rules {Join(firedOut.Select(r => Describe(r.Rule, r.Evaluation)))} fired; '{winner.Rule.Name}' asks for the largest change (+{winner.Rule.Action.ChangeCount})");
            return Move(bounds, winner.Rule, why, current, current + winner.Rule.Action.ChangeCount, state.LastScaleOutAt, now);
        }

        var firedIn = inRules.Where(r => r.Evaluation.Fired).ToList();
        if (inRules.Count > 0 && firedIn.Count == inRules.Count)
        {
            var winner = firedIn.MinBy(r => r.Rule.Action.ChangeCount);
            var why = firedIn.Count == 1
                ? "rule " + Fired(winner.Rule, winner.Evaluation)
                : Format($"all {firedIn.Count} scale-in rules fired ({Join(firedIn.Select(r => Describe(r.Rule, r.Evaluation)))}); '{winner.Rule.Name}' asks for the smallest change (-{winner.Rule.Action.ChangeCount})");
            return Move(bounds, winner.Rule, why, current, current - winner.Rule.Action.ChangeCount, state.LastScaleInAt, now);
        }

        if (firedIn.Count > 0)
        {
            var held = inRules.Where(r => !r.Evaluation.Fired).Select(r => Describe(r.Rule, r.Evaluation));
            return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
                $"No change at {current}: scale-in {(firedIn.Count == 1 ? "rule" : "rules")} {Join(firedIn.Select(r => Describe(r.Rule, r.Evaluation)))} fired, but scale in needs every scale-in rule to fire and {Join(held)} did not."));
        }

        return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
            $"No change at {current}: no rule fired ({string.Join("; ", rules.Select(r => Describe(r.Rule, r.Evaluation)))})."));
    }

    private static Draft Move(CapacityBounds bounds, ScalingRule rule, string why, int current, int wanted, DateTimeOffset? lastScaleAt, DateTimeOffset now)
    {
        var direction = rule.Action.Direction;
        var verb = direction == ScaleDirection.Increase ? "Scale out" : "Scale in";
        var target = bounds.Clamp(wanted);

        if (target == current)
        {
            var (boundName, bound) = direction == ScaleDirection.Increase ? ("maximum", bounds.Maximum) : ("minimum", bounds.Minimum);
            return new(DecisionOutcome.AtBound, direction, current, Format(
                $"{verb} not possible: {why}, but capacity {current} is already at the policy's {boundName} of {bound}."));
        }

        var cooldown = rule.Action.Cooldown;
        if (lastScaleAt is { } last && now < last + cooldown)
        {
            var kind = direction == ScaleDirection.Increase ? "scale-out" : "scale-in";
            return new(DecisionOutcome.CooldownHeld, direction, current, Format(
                $"Cooldown held at {current}: {why}, which would {verb.ToLowerInvariant()} {current} → {target}, but the {Duration(cooldown)} {kind} cooldown of rule '{rule.Name}' since the last {kind} at {last:u} holds until {last + cooldown:u}."));
        }

        var capped = target != wanted
            ? Format($" The change of {rule.Action.ChangeCount} is capped at the policy's {(direction == ScaleDirection.Increase ? "maximum" : "minimum")} of {target}.")
            : string.Empty;
        return new(DecisionOutcome.Scale, direction, target, Format($"{verb} {current} → {target}: {why}.{capped}"));
    }

    private static RuleEvaluation Evaluate(ScalingRule rule, string targetResourceId, IReadOnlyList<MetricWindow> windows, DateTimeOffset now)
    {
        var trigger = rule.Trigger;
        var request = trigger.ToRequest(targetResourceId);
        var window = windows.FirstOrDefault(w => w.Request == request);
        double? observed = null;
        if (window is not null)
        {
            var from = now - trigger.TimeWindow;
            var points = window.Points.Where(p => p.TimeStamp >= from && p.TimeStamp <= now).ToList();
            observed = (window with { Points = points }).Aggregate(trigger.TimeAggregation);
        }

        var fired = observed is { } value && trigger.IsMet(value);
        return new RuleEvaluation(rule.Name, trigger.MetricName, rule.Action.Direction, observed, trigger.Operator, trigger.Threshold, fired);
    }

    /// <summary>"'cpu-high' fired (Percentage CPU Average over 5m = 86.2 &gt; 80)".</summary>
    private static string Fired(ScalingRule rule, RuleEvaluation evaluation)
    {
        var described = Describe(rule, evaluation);
        var open = described.IndexOf(" (", StringComparison.Ordinal);
        return described[..open] + " fired" + described[open..];
    }

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    /// <summary>"'cpu-high' (Percentage CPU Average over 5m = 86.2 &gt; 80)", or why it did not fire.</summary>
    private static string Describe(ScalingRule rule, RuleEvaluation evaluation)
    {
        var trigger = rule.Trigger;
        var metric = Format($"{trigger.MetricName} {trigger.TimeAggregation} over {Duration(trigger.TimeWindow)}");
        if (evaluation.Observed is not { } observed)
        {
            return $"'{rule.Name}' (no data for {metric})";
        }

        var comparison = evaluation.Fired
            ? $"{Number(observed)} {Symbol(trigger.Operator)} {Number(trigger.Threshold)}"
            : $"{Number(observed)}, not {Symbol(trigger.Operator)} {Number(trigger.Threshold)}";
        return $"'{rule.Name}' ({metric} = {comparison})";
    }

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => "≥",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "≤",
        ComparisonOperator.Equals => "=",
        ComparisonOperator.NotEquals => "≠",
        _ => op.ToString(),
    };

    private static string Number(double value)
    {
        // Two decimals read well for percentages and counts; tiny values would round to 0, so they keep three significant digits.
        if (value != 0 && Math.Abs(value) < 0.01)
        {
            return value.ToString("G3", CultureInfo.InvariantCulture);
        }

        return Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A duration as people write it: "5m", "1h30m", "45s".</summary>
    private static string Duration(TimeSpan span)
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

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Draft(DecisionOutcome Outcome, ScaleDirection Direction, int NewCapacity, string Reason);
}
