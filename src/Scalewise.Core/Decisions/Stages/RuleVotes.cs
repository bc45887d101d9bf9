using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Scalewise.Core.Pricing;

namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// The first stage: what every rule and target tracking of the policy saw and asks for on this tick, read once. Rules come
/// first, then target trackings, indexed as <see cref="Evaluations"/> and <see cref="Desired"/>. For a vertical policy a
/// unit is a rung of <see cref="Ladder"/>; otherwise it is an instance count.
/// </summary>
internal sealed record RuleVotes(
    ScalingPolicy Policy,
    TargetState State,
    DateTimeOffset Now,
    PriceTable? Prices,
    int Current,
    int CurrentUnit,
    int MinUnit,
    int MaxUnit,
    bool Vertical,
    IReadOnlyList<SkuRung> Ladder,
    IReadOnlyList<ScalingRule> Rules,
    IReadOnlyList<TargetTrackingRule> Tracking,
    ImmutableArray<RuleEvaluation> Evaluations,
    ImmutableArray<int> Desired,
    DecisionSeverity Severity)
{
    public static RuleVotes Read(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, TargetState state, int currentCapacity, DateTimeOffset now, PriceTable? prices)
    {
        var rules = policy.Rules;
        var vertical = policy.IsVertical;
        IReadOnlyList<TargetTrackingRule> tracking = vertical ? [] : policy.TargetTracking ?? [];
        IReadOnlyList<SkuRung> ladder = vertical ? policy.Ladder ?? DefaultSkuLadders.For(policy.Target.Kind) : [];
        var currentUnit = vertical ? IndexOf(ladder, state.CurrentSku) : currentCapacity;
        var (minUnit, maxUnit) = vertical ? (0, ladder.Count - 1) : (policy.Capacity.Minimum, policy.Capacity.Maximum);

        var counted = Math.Max(1, currentCapacity - Math.Max(0, state.WarmingInstances));
        var evaluations = new RuleEvaluation[rules.Count + tracking.Count];
        var desired = new int[evaluations.Length];
        var severity = DecisionSeverity.Normal;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            string? detail = null;
            var observed = rule.Trigger.Formula is null
                ? WindowReader.Observe(rule.Trigger, policy.Target.ResourceId, windows, now, counted)
                : FormulaReader.Observe(rule.Trigger, policy, windows, now, counted, out detail);
            var fired = observed is { } value && rule.Trigger.IsMet(value);
            desired[i] = fired && currentUnit >= 0 ? RuleArithmetic.Desired(rule, observed!.Value, currentUnit) : currentUnit;
            var tier = observed is { } seen ? rule.Trigger.TierOf(seen) : MetricTier.None;
            severity = (DecisionSeverity)Math.Max((int)severity, tier switch { MetricTier.Critical => 2, MetricTier.Warning => 1, _ => 0 });
            evaluations[i] = new RuleEvaluation(rule.Name, rule.Trigger.MetricName ?? rule.Trigger.Formula!, rule.Action.Direction, observed, rule.Trigger.Operator, rule.Trigger.Threshold, fired)
            {
                Tier = tier,
                DesiredCapacity = fired ? desired[i] : null,
                Detail = detail,
            };
        }

        for (var j = 0; j < tracking.Count; j++)
        {
            var rule = tracking[j];
            var observed = WindowReader.Observe(rule, policy.Target.ResourceId, windows, now, counted);
            var wanted = observed is { } value ? RuleArithmetic.Tracked(rule, value, counted, currentCapacity) : currentCapacity;
            desired[rules.Count + j] = wanted;
            var direction = wanted > currentCapacity ? ScaleDirection.Increase : wanted < currentCapacity ? ScaleDirection.Decrease : ScaleDirection.None;
            evaluations[rules.Count + j] = new RuleEvaluation(
                rule.Name, rule.MetricName, direction, observed, wanted < currentCapacity ? ComparisonOperator.LessThan : ComparisonOperator.GreaterThan, rule.TargetValue, wanted != currentCapacity)
            {
                Tier = wanted != currentCapacity ? MetricTier.Trigger : MetricTier.None,
                DesiredCapacity = wanted,
            };
        }

        return new RuleVotes(
            policy, state, now, prices, currentCapacity, currentUnit, minUnit, maxUnit, vertical, ladder, rules, tracking,
            ImmutableCollectionsMarshal.AsImmutableArray(evaluations), ImmutableCollectionsMarshal.AsImmutableArray(desired), severity);
    }

    /// <summary>Whether the vote at <paramref name="index"/> is a rule (otherwise a target tracking).</summary>
    public bool IsRule(int index) => index < Rules.Count;

    public string NameAt(int index) => IsRule(index) ? Rules[index].Name : Tracking[index - Rules.Count].Name;

    /// <summary>Whether the vote asks to scale out: a fired scale-out rule, or a target tracking, asking for more than now.</summary>
    public bool AsksOut(int index) => IsRule(index)
        ? Rules[index].Action.Direction == ScaleDirection.Increase && Evaluations[index].Fired && Desired[index] > CurrentUnit
        : Desired[index] > CurrentUnit;

    /// <summary>Whether the vote has a say on scale-in: a scale-in rule, or a target tracking that may scale in.</summary>
    public bool VotesIn(int index) => IsRule(index)
        ? Rules[index].Action.Direction == ScaleDirection.Decrease
        : !Tracking[index - Rules.Count].DisableScaleIn;

    /// <summary>Whether a scale-in voter agrees to scale in: its rule fired, or its target tracking asks for less.</summary>
    public bool WillingIn(int index) => IsRule(index) ? Evaluations[index].Fired : Desired[index] < CurrentUnit;

    public bool NoneObserved()
    {
        foreach (var evaluation in Evaluations)
        {
            if (evaluation.Observed is not null)
            {
                return false;
            }
        }

        return true;
    }

    public TimeSpan CooldownOf(int index, ScaleDirection direction)
    {
        if (IsRule(index))
        {
            return Rules[index].Action.Cooldown;
        }

        var rule = Tracking[index - Rules.Count];
        return direction == ScaleDirection.Increase ? rule.EffectiveScaleOutCooldown : rule.EffectiveScaleInCooldown;
    }

    /// <summary>The hourly price of <paramref name="sku"/>: the price table's, else the ladder's.</summary>
    public decimal? PriceOf(string? sku) => SkuPrices.HourlyPrice(Prices, Policy, sku);

    private static int IndexOf(IReadOnlyList<SkuRung> ladder, string? sku)
    {
        for (var i = 0; i < ladder.Count; i++)
        {
            if (string.Equals(ladder[i].Name, sku, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
