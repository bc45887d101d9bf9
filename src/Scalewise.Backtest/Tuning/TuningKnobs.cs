using System.Globalization;

namespace Scalewise.Backtest.Tuning;

/// <summary>
/// The knobs <c>scalewise tune</c> moves, from a policy: each rule's threshold (±10% and ±20%), cooldown (half, double) and,
/// for a change-count action, its step (−1, +1, +2), and the policy's scale-in stabilization window (none, 5, 10, 20 min).
/// Candidates the validator refuses are left out, so every policy tried is one a user could store.
/// </summary>
public static class TuningKnobs
{
    private static readonly double[] ThresholdFactors = [0.8, 0.9, 1.1, 1.2];

    private static readonly TimeSpan?[] Stabilization = [null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20)];

    public static IReadOnlyList<TuningKnob> For(ScalingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var knobs = new List<TuningKnob>();
        for (var i = 0; i < policy.Rules.Count; i++)
        {
            var index = i;
            var rule = policy.Rules[i];
            if (rule.Trigger.Formula is null)
            {
                knobs.Add(Knob(policy, $"rules[{rule.Name}].trigger.threshold", Number(rule.Trigger.Threshold), ThresholdFactors
                    .Select(f => Math.Round(rule.Trigger.Threshold * f, 1))
                    .Where(t => t != rule.Trigger.Threshold)
                    .Select(t => (Number(t), WithRule(policy, index, rule with { Trigger = rule.Trigger with { Threshold = t } })))));
            }

            var cooldown = rule.Action.Cooldown;
            knobs.Add(Knob(policy, $"rules[{rule.Name}].action.cooldown", Minutes(cooldown), new[] { cooldown / 2, cooldown * 2 }
                .Where(c => c >= TimeSpan.FromMinutes(1) && c != cooldown)
                .Select(c => TimeSpan.FromMinutes(Math.Round(c.TotalMinutes)))
                .Distinct()
                .Select(c => (Minutes(c), WithRule(policy, index, rule with { Action = rule.Action with { Cooldown = c } })))));

            if (rule.Action.Type == ScaleActionType.ChangeCount)
            {
                var change = rule.Action.ChangeCount;
                knobs.Add(Knob(policy, $"rules[{rule.Name}].action.changeCount", Number(change), new[] { change - 1, change + 1, change + 2 }
                    .Where(c => c >= 1)
                    .Select(c => (Number(c), WithRule(policy, index, rule with { Action = rule.Action with { ChangeCount = c } })))));
            }
        }

        knobs.Add(Knob(policy, "scaleInStabilization", Minutes(policy.ScaleInStabilization), Stabilization
            .Where(s => s != policy.ScaleInStabilization)
            .Select(s => (Minutes(s), policy with { ScaleInStabilization = s }))));
        return [.. knobs.Where(k => k.Candidates.Count > 0)];
    }

    private static TuningKnob Knob(ScalingPolicy policy, string name, string current, IEnumerable<(string Value, ScalingPolicy Policy)> candidates) =>
        new(name, current, [.. candidates.Where(c => PolicyValidator.Validate(c.Policy).Count == 0)]);

    private static ScalingPolicy WithRule(ScalingPolicy policy, int index, ScalingRule rule) =>
        policy with { Rules = [.. policy.Rules.Select((r, i) => i == index ? rule : r)] };

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan? value) => value is { } v ? v.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture) + " min" : "none";
}
