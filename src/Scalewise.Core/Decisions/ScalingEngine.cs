using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Pricing;
using static Scalewise.Core.Decisions.DecisionText;

namespace Scalewise.Core.Decisions;

/// <summary>
/// Reactive decisions with Azure autoscale's semantics: scale out when any scale-out rule or target tracking asks for it
/// (the largest result wins), scale in only when every scale-in rule fires and every target tracking that may scale in
/// agrees and no scale-out rule fires (the smallest reduction wins), per-direction cooldowns, and capacity kept within the
/// policy's bounds whatever the rules say. Scale-in is then stabilized, checked for flapping and held while instances warm
/// up; scale-out is capped by the policy's hourly cost. Every such adjustment is listed in the decision.
/// </summary>
/// <remarks>
/// Only an outcome of <see cref="DecisionOutcome.Scale"/> asks for a change. <see cref="DecisionOutcome.CooldownHeld"/>,
/// <see cref="DecisionOutcome.AtBound"/>, <see cref="DecisionOutcome.NoData"/> and <see cref="DecisionOutcome.NoChange"/>
/// keep <see cref="ScalingDecision.NewCapacity"/> equal to the current capacity; the reason says what would have
/// happened. In <see cref="PolicyMode.Observe"/> a decision that would scale becomes <see cref="DecisionOutcome.Observed"/>
/// and keeps the capacity it would have chosen; the other outcomes are reported as they are, since none of them acts.
/// A vertical policy (its actions step along a SKU ladder) keeps the capacity and sets <see cref="ScalingDecision.NewSku"/>.
/// </remarks>
public static class ScalingEngine
{
    public static ScalingDecision Decide(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, TargetState state, int currentCapacity, DateTimeOffset now, PriceTable? prices = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(state);

        var tick = new Tick(policy, windows, state, currentCapacity, now, prices);
        var draft = tick.Choose();

        var outcome = draft.Outcome;
        var alerts = AlertEvaluation.Evaluate(policy, windows, state, currentCapacity, now, out var alerted);
        var reason = draft.Reason + tick.TierNote() + alerted;
        if (policy.Mode == PolicyMode.Observe && outcome == DecisionOutcome.Scale)
        {
            outcome = DecisionOutcome.Observed;
            reason = "Observe mode, not acted on: would " + char.ToLowerInvariant(reason[0]) + reason[1..];
        }

        var moved = outcome is DecisionOutcome.Scale or DecisionOutcome.Observed;
        return new ScalingDecision(
            policy.Id,
            policy.Target.ResourceId,
            DecisionKind.Reactive,
            outcome,
            draft.Direction,
            currentCapacity,
            draft.IsSku ? currentCapacity : draft.NewUnit,
            reason,
            alerts is null ? tick.Evaluations : [.. tick.Evaluations, .. alerts],
            now)
        {
            CurrentSku = state.CurrentSku,
            NewSku = draft.IsSku && moved ? tick.Ladder[draft.NewUnit].Name : null,
            Adjustments = tick.Adjustments ?? (IReadOnlyList<DecisionAdjustment>)[],
            Severity = alerted.Length > 0 && tick.Severity == DecisionSeverity.Normal ? DecisionSeverity.Warning : tick.Severity,
            RecommendedCapacity = tick.Vertical ? null : tick.Recommended,
        };
    }

    private sealed record Draft(DecisionOutcome Outcome, ScaleDirection Direction, int NewUnit, string Reason, bool IsSku = false);

    /// <summary>One decision in the making: the rules evaluated once, then the choice and its adjustments.</summary>
    private sealed class Tick
    {
        private const double Epsilon = 1e-9;

        private readonly ScalingPolicy policy;
        private readonly TargetState state;
        private readonly DateTimeOffset now;
        private readonly PriceTable? prices;
        private readonly int current;
        private readonly int currentUnit;
        private readonly int minUnit;
        private readonly int maxUnit;
        private readonly IReadOnlyList<ScalingRule> rules;
        private readonly IReadOnlyList<TargetTrackingRule> tracking;
        private readonly int[] desired;

        public Tick(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, TargetState state, int currentCapacity, DateTimeOffset now, PriceTable? prices)
        {
            this.policy = policy;
            this.state = state;
            this.now = now;
            this.prices = prices;
            current = currentCapacity;
            rules = policy.Rules;
            Vertical = policy.IsVertical;
            tracking = Vertical ? [] : policy.TargetTracking ?? [];
            Ladder = Vertical ? policy.Ladder ?? DefaultSkuLadders.For(policy.Target.Kind) : [];
            currentUnit = Vertical ? IndexOf(Ladder, state.CurrentSku) : currentCapacity;
            (minUnit, maxUnit) = Vertical ? (0, Ladder.Count - 1) : (policy.Capacity.Minimum, policy.Capacity.Maximum);
            Recommended = currentCapacity;

            var counted = Math.Max(1, currentCapacity - Math.Max(0, state.WarmingInstances));
            var evaluations = new RuleEvaluation[rules.Count + tracking.Count];
            desired = new int[evaluations.Length];
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                string? detail = null;
                var observed = rule.Trigger.Formula is null
                    ? WindowReader.Observe(rule.Trigger, policy.Target.ResourceId, windows, now, counted)
                    : FormulaReader.Observe(rule.Trigger, policy, windows, now, counted, out detail);
                var fired = observed is { } value && rule.Trigger.IsMet(value);
                desired[i] = fired && currentUnit >= 0 ? Desired(rule, observed!.Value) : currentUnit;
                var tier = observed is { } seen ? rule.Trigger.TierOf(seen) : MetricTier.None;
                Severity = (DecisionSeverity)Math.Max((int)Severity, tier switch { MetricTier.Critical => 2, MetricTier.Warning => 1, _ => 0 });
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
                var observed = WindowReader.Observe(rule.AsTrigger(), policy.Target.ResourceId, windows, now, counted);
                var wanted = observed is { } value ? Tracked(rule, value, counted) : current;
                desired[rules.Count + j] = wanted;
                var direction = wanted > current ? ScaleDirection.Increase : wanted < current ? ScaleDirection.Decrease : ScaleDirection.None;
                evaluations[rules.Count + j] = new RuleEvaluation(
                    rule.Name, rule.MetricName, direction, observed, wanted < current ? ComparisonOperator.LessThan : ComparisonOperator.GreaterThan, rule.TargetValue, wanted != current)
                {
                    Tier = wanted != current ? MetricTier.Trigger : MetricTier.None,
                    DesiredCapacity = wanted,
                };
            }

            Evaluations = evaluations;
        }

        public bool Vertical { get; }

        public IReadOnlyList<SkuRung> Ladder { get; }

        public RuleEvaluation[] Evaluations { get; }

        public List<DecisionAdjustment>? Adjustments { get; private set; }

        public DecisionSeverity Severity { get; }

        public int Recommended { get; private set; }

        private string VerbOut => Vertical ? "Step up" : "Scale out";

        private string VerbIn => Vertical ? "Step down" : "Scale in";

        public Draft Choose()
        {
            var bounds = policy.Capacity;

            // Bounds are law: a target outside them is brought back before any rule is considered, cooldown or not.
            if (current < bounds.Minimum)
            {
                Adjust(AdjustmentKind.Bounds, Format($"capacity {current} raised to the policy's minimum of {bounds.Minimum}"));
                return new(DecisionOutcome.Scale, ScaleDirection.Increase, bounds.Minimum, Format(
                    $"Scale out {current} → {bounds.Minimum}: capacity {current} is below the policy's minimum of {bounds.Minimum}, which holds whatever the rules say."));
            }

            if (current > bounds.Maximum)
            {
                Adjust(AdjustmentKind.Bounds, Format($"capacity {current} lowered to the policy's maximum of {bounds.Maximum}"));
                return new(DecisionOutcome.Scale, ScaleDirection.Decrease, bounds.Maximum, Format(
                    $"Scale in {current} → {bounds.Maximum}: capacity {current} is above the policy's maximum of {bounds.Maximum}, which holds whatever the rules say."));
            }

            if (rules.Count == 0 && tracking.Count == 0)
            {
                return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format($"No change at {current}: the policy has no rules."));
            }

            if (Evaluations.All(e => e.Observed is null))
            {
                return MissingData();
            }

            if (Vertical && currentUnit < 0)
            {
                var names = string.Join(", ", Ladder.Select(r => r.Name));
                Adjust(AdjustmentKind.Ladder, $"the current SKU '{state.CurrentSku ?? "unknown"}' is not on the ladder ({names})");
                return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
                    $"No change: the current SKU '{state.CurrentSku ?? "unknown"}' is not on the policy's ladder ({names}), so no rule can step from it."));
            }

            return ScaleOut() ?? ScaleIn() ?? Quiet();
        }

        public string TierNote()
        {
            if (Severity == DecisionSeverity.Normal)
            {
                return string.Empty;
            }

            var tier = Severity == DecisionSeverity.Critical ? MetricTier.Critical : MetricTier.Warning;
            var i = Array.FindIndex(Evaluations, e => e.Tier == tier);
            var trigger = rules[i].Trigger;
            var threshold = tier == MetricTier.Critical ? trigger.CriticalThreshold!.Value : trigger.WarningThreshold!.Value;
            var observed = Evaluations[i].Observed!.Value;
            return tier == MetricTier.Critical
                ? Format($" Critical: '{rules[i].Name}' is past its critical threshold ({Number(observed)} {Symbol(trigger.Operator)} {Number(threshold)}), so the emergency path may take over.")
                : Format($" Warning: '{rules[i].Name}' is past its warning threshold ({Number(observed)} {Symbol(trigger.Operator)} {Number(threshold)}).");
        }

        private Draft? ScaleOut()
        {
            var winner = -1;
            var asking = 0;
            for (var i = 0; i < desired.Length; i++)
            {
                var isRule = i < rules.Count;
                var wants = isRule
                    ? rules[i].Action.Direction == ScaleDirection.Increase && Evaluations[i].Fired && desired[i] > currentUnit
                    : desired[i] > currentUnit;
                if (!wants)
                {
                    continue;
                }

                asking++;
                if (winner < 0 || desired[i] > desired[winner])
                {
                    winner = i;
                }
            }

            if (winner < 0)
            {
                return null;
            }

            Recommended = desired[winner];
            string why;
            if (asking == 1)
            {
                why = Single(winner);
            }
            else
            {
                var parts = Enumerable.Range(0, desired.Length).Where(i => i < rules.Count
                    ? rules[i].Action.Direction == ScaleDirection.Increase && Evaluations[i].Fired && desired[i] > currentUnit
                    : desired[i] > currentUnit).Select(DescribeAt);
                why = Format($"rules {Join(parts)} fired; '{NameAt(winner)}' asks for the largest change (+{desired[winner] - currentUnit})");
            }

            return MoveOut(winner, why);
        }

        private Draft? ScaleIn()
        {
            var voters = 0;
            var willing = 0;
            var winner = -1;
            for (var i = 0; i < desired.Length; i++)
            {
                var isRule = i < rules.Count;
                if (isRule ? rules[i].Action.Direction != ScaleDirection.Decrease : tracking[i - rules.Count].DisableScaleIn)
                {
                    continue;
                }

                voters++;
                if (isRule ? Evaluations[i].Fired : desired[i] < currentUnit)
                {
                    willing++;
                    if (winner < 0 || desired[i] > desired[winner])
                    {
                        winner = i;
                    }
                }
            }

            if (voters == 0 || willing == 0)
            {
                return null;
            }

            if (willing < voters)
            {
                var fired = Voters(willingOnes: true).Select(DescribeAt).ToList();
                var held = Voters(willingOnes: false).Select(DescribeAt);
                return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
                    $"No change at {Show(currentUnit)}: scale-in {(fired.Count == 1 ? "rule" : "rules")} {Join(fired)} fired, but scale in needs every scale-in rule to fire and {Join(held)} did not."));
            }

            if (desired[winner] >= currentUnit)
            {
                return null;
            }

            Recommended = desired[winner];
            var why = willing == 1
                ? Single(winner)
                : Format($"all {willing} scale-in rules fired ({Join(Voters(willingOnes: true).Select(DescribeAt))}); '{NameAt(winner)}' asks for the smallest change (-{currentUnit - desired[winner]})");
            return MoveIn(winner, why);
        }

        private IEnumerable<int> Voters(bool willingOnes)
        {
            for (var i = 0; i < desired.Length; i++)
            {
                var isRule = i < rules.Count;
                if (isRule ? rules[i].Action.Direction != ScaleDirection.Decrease : tracking[i - rules.Count].DisableScaleIn)
                {
                    continue;
                }

                var willing = isRule ? Evaluations[i].Fired : desired[i] < currentUnit;
                if (willing == willingOnes)
                {
                    yield return i;
                }
            }
        }

        private Draft Quiet() => new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
            $"No change at {Show(currentUnit)}: no rule fired ({string.Join("; ", Enumerable.Range(0, desired.Length).Select(DescribeAt))})."));

        private Draft MoveOut(int winner, string why)
        {
            var wanted = desired[winner];
            var target = Math.Clamp(wanted, minUnit, maxUnit);
            if (target == currentUnit)
            {
                var where = Vertical
                    ? $"{Show(currentUnit)} is already the top of the ladder"
                    : Format($"capacity {current} is already at the policy's maximum of {policy.Capacity.Maximum}");
                Adjust(AdjustmentKind.Bounds, where);
                return new(DecisionOutcome.AtBound, ScaleDirection.Increase, current, $"{VerbOut} not possible: {why}, but {where}.");
            }

            var cooldown = CooldownOf(winner, ScaleDirection.Increase);
            if (state.LastScaleOutAt is { } last && now < last + cooldown)
            {
                return Held(winner, why, ScaleDirection.Increase, target, last, cooldown);
            }

            var capped = string.Empty;
            if (target != wanted)
            {
                capped = Vertical
                    ? $" The step is capped at the top of the ladder, {Show(target)}."
                    : Format($" The change of {wanted - currentUnit} is capped at the policy's maximum of {target}.");
                Adjust(AdjustmentKind.Bounds, capped.Trim());
            }

            if (CapByCost(target) is { } cost)
            {
                if (cost.Unit <= currentUnit)
                {
                    return new(DecisionOutcome.AtBound, ScaleDirection.Increase, current, $"{VerbOut} not possible: {why}, but {cost.Text}.");
                }

                target = cost.Unit;
                capped += $" Capped at {Show(target)} by the cost cap: {cost.Text}.";
            }

            return new(DecisionOutcome.Scale, ScaleDirection.Increase, target, Format($"{VerbOut} {Show(currentUnit)} → {Show(target)}: {why}.{capped}"), Vertical);
        }

        private Draft MoveIn(int winner, string why)
        {
            var wanted = desired[winner];
            var notes = string.Empty;
            if (!Vertical && state.WarmingInstances > 0)
            {
                var warming = Format($"{state.WarmingInstances} {(state.WarmingInstances == 1 ? "instance is" : "instances are")} still warming up");
                Adjust(AdjustmentKind.WarmUp, warming + ", so scale-in waits until they count");
                return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format($"No change at {current}: {why}, but {warming}, so scale-in waits until they count."));
            }

            if (policy.ScaleInStabilization is { } window && window > TimeSpan.Zero)
            {
                var highest = wanted;
                foreach (var recommendation in state.RecentRecommendations)
                {
                    if (recommendation.At > now - window && recommendation.At <= now)
                    {
                        highest = Math.Max(highest, Vertical ? highest : recommendation.Capacity);
                    }
                }

                if (highest > wanted)
                {
                    var note = Format($"the highest recommendation over the last {Duration(window)} was {highest} (scale-in stabilization)");
                    Adjust(AdjustmentKind.Stabilization, Format($"scale-in target raised from {wanted} to {Math.Min(highest, current)}: {note}"));
                    if (highest >= current)
                    {
                        return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
                            $"No change at {current}: {why}, which would scale in {current} → {wanted}, but {note}."));
                    }

                    notes += Format($" Stabilized at {highest}: {note}.");
                    wanted = highest;
                }
            }

            if (!Vertical && policy.FlappingProtection)
            {
                var safe = wanted;
                string? flap = null;
                while (safe < current && WouldScaleOut(safe) is { } text)
                {
                    flap ??= text;
                    safe++;
                }

                if (flap is not null)
                {
                    if (safe >= current)
                    {
                        Adjust(AdjustmentKind.Flapping, Format($"scale-in {current} → {wanted} refused: at {wanted} {flap}"));
                        return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
                            $"No change at {current}: {why}, but flapping protection holds it, since at {wanted} {flap} and scale out again."));
                    }

                    Adjust(AdjustmentKind.Flapping, Format($"scale-in reduced from {current} → {wanted} to {current} → {safe}: at {wanted} {flap}"));
                    notes += Format($" Flapping protection scales in only to {safe}, since at {wanted} {flap}.");
                    wanted = safe;
                }
            }

            var target = Math.Clamp(wanted, minUnit, maxUnit);
            if (target == currentUnit)
            {
                var where = Vertical
                    ? $"{Show(currentUnit)} is already the bottom of the ladder"
                    : Format($"capacity {current} is already at the policy's minimum of {policy.Capacity.Minimum}");
                Adjust(AdjustmentKind.Bounds, where);
                return new(DecisionOutcome.AtBound, ScaleDirection.Decrease, current, $"{VerbIn} not possible: {why}, but {where}.");
            }

            var cooldown = CooldownOf(winner, ScaleDirection.Decrease);
            if (state.LastScaleInAt is { } last && now < last + cooldown)
            {
                return Held(winner, why, ScaleDirection.Decrease, target, last, cooldown);
            }

            if (target != wanted)
            {
                var capped = Vertical
                    ? $" The step is capped at the bottom of the ladder, {Show(target)}."
                    : Format($" The change of {currentUnit - wanted} is capped at the policy's minimum of {target}.");
                Adjust(AdjustmentKind.Bounds, capped.Trim());
                notes += capped;
            }

            return new(DecisionOutcome.Scale, ScaleDirection.Decrease, target, $"{VerbIn} {Show(currentUnit)} → {Show(target)}: {why}.{notes}", Vertical);
        }

        private Draft Held(int winner, string why, ScaleDirection direction, int target, DateTimeOffset last, TimeSpan cooldown)
        {
            var verb = direction == ScaleDirection.Increase ? VerbOut : VerbIn;
            var kind = direction == ScaleDirection.Increase ? "scale-out" : "scale-in";
            var owner = winner < rules.Count ? $"rule '{rules[winner].Name}'" : $"target tracking '{tracking[winner - rules.Count].Name}'";
            var clause = Format($"the {Duration(cooldown)} {kind} cooldown of {owner} since the last {kind} at {last:u} holds until {last + cooldown:u}");
            Adjust(AdjustmentKind.Cooldown, clause);
            return new(DecisionOutcome.CooldownHeld, direction, current, Format(
                $"Cooldown held at {Show(currentUnit)}: {why}, which would {verb.ToLowerInvariant()} {Show(currentUnit)} → {Show(target)}, but {clause}."));
        }

        private Draft MissingData()
        {
            var missing = Join(rules.Select((r, i) => r.Trigger.Formula is null ? $"'{r.Trigger.MetricName}' (rule '{r.Name}')" : $"formula {r.Trigger.Formula} (rule '{r.Name}': {Evaluations[i].Detail})")
                .Concat(tracking.Select(t => $"'{t.MetricName}' (target tracking '{t.Name}')")).Distinct());
            var failures = state.ConsecutiveMetricFailures + 1;
            var bounds = policy.Capacity;
            if (policy.Fallback is { } fallback && failures >= fallback.AfterFailures && bounds.Clamp(fallback.Capacity) > current)
            {
                var target = bounds.Clamp(fallback.Capacity);
                Adjust(AdjustmentKind.Fallback, Format($"{failures} ticks in a row without metrics; fallback capacity {target} applies"));
                return new(DecisionOutcome.Scale, ScaleDirection.Increase, target, Format(
                    $"Scale out {current} → {target}: no metric has had data for {failures} ticks in a row (nothing for {missing}), so the policy's fallback capacity of {target} applies."));
            }

            if (current < bounds.Default)
            {
                Adjust(AdjustmentKind.DefaultCapacity, Format($"no metrics; capacity goes to the policy's default of {bounds.Default}"));
                return new(DecisionOutcome.Scale, ScaleDirection.Increase, bounds.Default, Format(
                    $"Scale out {current} → {bounds.Default}: Azure Monitor returned no values for {missing}, so capacity goes to the policy's default of {bounds.Default}."));
            }

            return new(DecisionOutcome.NoData, ScaleDirection.None, current, Format(
                $"No data: Azure Monitor returned no values for {missing}, so capacity stays at {current}."));
        }

        /// <summary>The scale-out a capacity of <paramref name="capacity"/> would cause, estimating each metric as metric × current / new (Azure autoscale's flapping check).</summary>
        private string? WouldScaleOut(int capacity)
        {
            var factor = (double)current / capacity;
            for (var i = 0; i < desired.Length; i++)
            {
                if (Evaluations[i].Observed is not { } observed)
                {
                    continue;
                }

                var estimate = observed * factor;
                if (i < rules.Count)
                {
                    var rule = rules[i];
                    if (rule.Action.Direction == ScaleDirection.Increase && rule.Trigger.IsMet(estimate))
                    {
                        return Format($"'{rule.Name}' would see an estimated {Number(estimate)} {Symbol(rule.Trigger.Operator)} {Number(rule.Trigger.Threshold)}");
                    }
                }
                else
                {
                    var rule = tracking[i - rules.Count];
                    if (estimate / rule.TargetValue > 1 + rule.Tolerance)
                    {
                        return Format($"target tracking '{rule.Name}' would see an estimated {Number(estimate)} against a target of {Number(rule.TargetValue)}");
                    }
                }
            }

            return null;
        }

        private (int Unit, string Text)? CapByCost(int target)
        {
            if (policy.MaxHourlyCost is not { } cap)
            {
                return null;
            }

            if (Vertical)
            {
                var unit = target;
                while (unit > currentUnit && PriceOf(Ladder[unit].Name) is { } price && price * current > cap)
                {
                    unit--;
                }

                if (PriceOf(Ladder[target].Name) is null)
                {
                    Adjust(AdjustmentKind.CostCap, $"the cost cap of {Money(cap)}/h is not enforced: no price is known for {Ladder[target].Name}");
                    return null;
                }

                if (unit == target)
                {
                    return null;
                }

                var text = Format($"{current} × {Ladder[target].Name} at {Money(PriceOf(Ladder[target].Name)!.Value)}/h would pass the cost cap of {Money(cap)}/h");
                Adjust(AdjustmentKind.CostCap, unit > currentUnit ? $"{text}; capped at {Ladder[unit].Name}" : text);
                return (unit, text);
            }

            if (PriceOf(state.CurrentSku) is not { } each)
            {
                Adjust(AdjustmentKind.CostCap, $"the cost cap of {Money(cap)}/h is not enforced: no price is known for SKU '{state.CurrentSku ?? "unknown"}'");
                return null;
            }

            var affordable = each <= 0 ? int.MaxValue : (int)Math.Floor(cap / each);
            if (target <= affordable)
            {
                return null;
            }

            var capped = Math.Max(currentUnit, affordable);
            var reason = Format($"{target} × {state.CurrentSku} at {Money(each)}/h = {Money(target * each)}/h would pass the cost cap of {Money(cap)}/h, which pays for {affordable}");
            Adjust(AdjustmentKind.CostCap, capped > currentUnit ? Format($"{reason}; capped at {capped}") : reason);
            return (capped, reason);
        }

        private decimal? PriceOf(string? sku)
        {
            if (prices is not null && prices.TryGetHourlyPrice(sku, out var price))
            {
                return price;
            }

            var ladder = policy.Ladder ?? DefaultSkuLadders.For(policy.Target.Kind);
            for (var i = 0; i < ladder.Count; i++)
            {
                if (string.Equals(ladder[i].Name, sku, StringComparison.OrdinalIgnoreCase))
                {
                    return ladder[i].HourlyPrice;
                }
            }

            return null;
        }

        private int Desired(ScalingRule rule, double observed)
        {
            var action = rule.Action;
            var sign = action.Direction == ScaleDirection.Decrease ? -1 : 1;
            double value;
            if (action.Steps is { Count: > 0 } steps)
            {
                if (FindStep(steps, rule.Trigger, observed) is not { } step)
                {
                    return currentUnit;
                }

                value = step.Change;
            }
            else
            {
                value = action.Type switch
                {
                    ScaleActionType.PercentChangeCount => action.Percent ?? 0,
                    ScaleActionType.ExactCount => action.ExactCount ?? currentUnit,
                    _ => action.ChangeCount,
                };
            }

            return action.Type switch
            {
                ScaleActionType.ExactCount => (int)value,
                ScaleActionType.PercentChangeCount => currentUnit + (sign * PercentMagnitude(currentUnit, value, action.MinAdjustmentMagnitude)),
                _ => currentUnit + (sign * (int)value),
            };
        }

        /// <summary>AWS rounding: a percent change rounds toward zero, moves at least one instance and at least the minimum magnitude.</summary>
        private static int PercentMagnitude(int capacity, double percent, int minimumMagnitude) =>
            Math.Max(Math.Max(1, (int)Math.Floor((capacity * percent / 100) + Epsilon)), minimumMagnitude);

        private static StepAdjustment? FindStep(IReadOnlyList<StepAdjustment> steps, MetricTrigger trigger, double observed)
        {
            // AWS: above the threshold a step's lower bound is inclusive, below it the upper bound is.
            var offset = observed - trigger.Threshold;
            var above = trigger.Operator is not (ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual);
            for (var i = 0; i < steps.Count; i++)
            {
                var lower = steps[i].LowerBound ?? double.NegativeInfinity;
                var upper = steps[i].UpperBound ?? double.PositiveInfinity;
                if (above ? offset >= lower && offset < upper : offset > lower && offset <= upper)
                {
                    return steps[i];
                }
            }

            return null;
        }

        private int Tracked(TargetTrackingRule rule, double observed, int counted)
        {
            var ratio = observed / rule.TargetValue;
            if (Math.Abs(ratio - 1) <= rule.Tolerance + Epsilon)
            {
                return current;
            }

            var wanted = Math.Max(0, (int)Math.Ceiling((counted * ratio) - Epsilon));
            return wanted < current && rule.DisableScaleIn ? current : wanted;
        }

        private TimeSpan CooldownOf(int index, ScaleDirection direction)
        {
            if (index < rules.Count)
            {
                return rules[index].Action.Cooldown;
            }

            var rule = tracking[index - rules.Count];
            return direction == ScaleDirection.Increase ? rule.EffectiveScaleOutCooldown : rule.EffectiveScaleInCooldown;
        }

        private string Single(int index)
        {
            if (index >= rules.Count)
            {
                var rule = tracking[index - rules.Count];
                var evaluation = Evaluations[index];
                var per = rule.DividePerInstance || state.WarmingInstances > 0 ? Format($" at {Math.Max(1, current - Math.Max(0, state.WarmingInstances))} counted instances") : string.Empty;
                return Format($"{DescribeAt(index)} asks for ceil({current - Math.Max(0, state.WarmingInstances)} × {Number(evaluation.Observed!.Value)} / {Number(rule.TargetValue)}) = {desired[index]}{per}");
            }

            var text = "rule " + Fired(rules[index], Evaluations[index]);
            var action = rules[index].Action;
            if (action.Steps is { Count: > 0 } steps && FindStep(steps, rules[index].Trigger, Evaluations[index].Observed!.Value) is { } step)
            {
                var range = Format($"{(step.LowerBound is { } lo ? Number(lo) : "-∞")} to {(step.UpperBound is { } hi ? Number(hi) : "∞")}");
                text += Format($", and its step for {range} past the threshold asks for {Change(action, step.Change)}");
            }
            else if (action.Type == ScaleActionType.PercentChangeCount)
            {
                text += Format($", asking for {(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{Number(action.Percent ?? 0)}% ({desired[index] - currentUnit:+0;-0})");
            }

            return text;
        }

        private static string Change(ScaleAction action, int change) => action.Type switch
        {
            ScaleActionType.ExactCount => Format($"a capacity of {change}"),
            ScaleActionType.PercentChangeCount => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change}%"),
            ScaleActionType.SkuStep => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change} {(change == 1 ? "rung" : "rungs")}"),
            _ => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change}"),
        };

        private string DescribeAt(int index) =>
            index < rules.Count ? Describe(rules[index], Evaluations[index]) : Describe(tracking[index - rules.Count], Evaluations[index]);

        private string NameAt(int index) => index < rules.Count ? rules[index].Name : tracking[index - rules.Count].Name;

        private string Show(int unit) => Vertical && unit >= 0 && unit < Ladder.Count ? Ladder[unit].Name : unit.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private void Adjust(AdjustmentKind kind, string detail) => (Adjustments ??= []).Add(new DecisionAdjustment(kind, detail));

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
}
