using static Scalewise.Core.Decisions.DecisionText;

namespace Scalewise.Core.Decisions;

/// <summary>
/// The policy's alert-only rules on one tick: each is evaluated as a rule is, never asks for capacity, and makes the decision
/// a warning when it fires. Their evaluations follow the rules' and target tracking's in the decision.
/// </summary>
internal static class AlertEvaluation
{
    /// <summary>The alerts' evaluations, or null when the policy has none; <paramref name="note"/> is the sentence the reason ends with ("" when none fired).</summary>
    public static RuleEvaluation[]? Evaluate(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, TargetState state, int currentCapacity, DateTimeOffset now, out string note)
    {
        note = string.Empty;
        if (policy.Alerts is not { Count: > 0 } alerts)
        {
            return null;
        }

        var counted = Math.Max(1, currentCapacity - Math.Max(0, state.WarmingInstances));
        var evaluations = new RuleEvaluation[alerts.Count];
        List<string>? fired = null;
        for (var i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i];
            var trigger = alert.Trigger;
            string? detail = null;
            var observed = trigger.Formula is null
                ? WindowReader.Observe(trigger, policy.Target.ResourceId, windows, now, counted)
                : FormulaReader.Observe(trigger, policy, windows, now, counted, out detail);
            var met = observed is { } value && trigger.IsMet(value);
            evaluations[i] = new RuleEvaluation(alert.Name, trigger.MetricName ?? trigger.Formula!, ScaleDirection.None, observed, trigger.Operator, trigger.Threshold, met)
            {
                Tier = met ? MetricTier.Warning : MetricTier.None,
                Detail = detail,
            };
            if (met)
            {
                (fired ??= []).Add(Describe(alert.Name, trigger, evaluations[i]).ToString());
            }
        }

        if (fired is not null)
        {
            note = $" Alert: {Join(fired)} {(fired.Count == 1 ? "is" : "are")} past {(fired.Count == 1 ? "its threshold" : "their thresholds")}; alert-only, so nothing scales.";
        }

        return evaluations;
    }
}
