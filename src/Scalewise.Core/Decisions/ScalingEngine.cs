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

        // One Tick per thread, reused: a decision allocates only what it returns.
        var tick = spare ?? new Tick();
        spare = null;
        tick.Reset(policy, windows, state, currentCapacity, now, prices);
        var draft = tick.Choose();

        var outcome = draft.Outcome;
        var alerts = AlertEvaluation.Evaluate(policy, windows, state, currentCapacity, now, out var alerted);
        var reason = draft.Reason;
        if (policy.Mode == PolicyMode.Observe && outcome == DecisionOutcome.Scale)
        {
            outcome = DecisionOutcome.Observed;
            reason = Format($"Observe mode, not acted on: would {char.ToLowerInvariant(reason[0])}{reason.AsSpan(1)}{tick.TierNote()}{alerted}");
        }
        else if (tick.Severity != DecisionSeverity.Normal || alerted.Length > 0)
        {
            reason = Format($"{reason}{tick.TierNote()}{alerted}");
        }

        var moved = outcome is DecisionOutcome.Scale or DecisionOutcome.Observed;
        var decision = new ScalingDecision(
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
        tick.Release();
        spare = tick;
        return decision;
    }

    // Numbers, durations and prices go into reasons as parts, not strings (see ReasonText); they read as DecisionText's.
    private static NumberPart Number(double value) => new(value);

    private static DurationPart Duration(TimeSpan span) => new(span);

    private static MoneyPart Money(decimal value) => new(value);

    [ThreadStatic]
    private static Tick? spare;

    private readonly record struct Draft(DecisionOutcome Outcome, ScaleDirection Direction, int NewUnit, string Reason, bool IsSku = false);

    /// <summary>Which rules a list in a reason names.</summary>
    private enum Pick
    {
        All,
        AskingOut,
        WillingIn,
        HeldIn,
    }

    /// <summary>How the winning rule came to ask for its change.</summary>
    private enum WhyKind
    {
        Single,
        LargestOut,
        SmallestIn,
    }

    /// <summary>The rule at an index (a rule or a target tracking), described.</summary>
    private readonly struct Described(Tick tick, int index) : IReasonPart
    {
        public void AppendTo(ref ReasonText text) => tick.AppendDescribed(ref text, index);
    }

    /// <summary>The picked rules, described: "a, b and c", or "a; b; c" with a separator.</summary>
    private readonly struct RuleList(Tick tick, Pick pick, string? separator = null) : IReasonPart
    {
        public void AppendTo(ref ReasonText text) => tick.AppendList(ref text, pick, separator);
    }

    /// <summary>Why the winning rule asks for its change: "rule 'cpu-high' fired (...)", "rules ... fired; 'x' asks for the largest change (+2)".</summary>
    private readonly struct Why(Tick tick, WhyKind kind, int winner, int count) : IReasonPart
    {
        public void AppendTo(ref ReasonText text) => tick.AppendWhy(ref text, kind, winner, count);
    }

    /// <summary>A capacity, or the SKU name of a rung for vertical policies.</summary>
    private readonly struct Shown(IReadOnlyList<SkuRung> ladder, bool vertical, int unit) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            if (vertical && unit >= 0 && unit < ladder.Count)
            {
                text.AppendFormatted(ladder[unit].Name);
            }
            else
            {
                text.AppendFormatted(unit);
            }
        }

        public override string ToString() => Format($"{this}");
    }

    /// <summary>The tier note after a reason: " Warning: ..." or " Critical: ...", nothing at the normal tier.</summary>
    private readonly struct TierNotePart(Tick tick) : IReasonPart
    {
        public void AppendTo(ref ReasonText text) => tick.AppendTierNote(ref text);
    }

    /// <summary>"the highest recommendation over the last 10m was 7 (scale-in stabilization)".</summary>
    private readonly struct StabilizationNote(TimeSpan window, int highest) : IReasonPart
    {
        public void AppendTo(ref ReasonText text) => text.Append($"the highest recommendation over the last {Duration(window)} was {highest} (scale-in stabilization)");
    }

    /// <summary>One decision in the making: the rules evaluated once, then the choice and its adjustments.</summary>
    private sealed class Tick
    {
        private const double Epsilon = 1e-9;

        private ScalingPolicy policy = null!;
        private TargetState state = null!;
        private DateTimeOffset now;
        private PriceTable? prices;
        private int current;
        private int currentUnit;
        private int minUnit;
        private int maxUnit;
        private IReadOnlyList<ScalingRule> rules = [];
        private IReadOnlyList<TargetTrackingRule> tracking = [];

        // What each rule asks for, indexed as Evaluations; kept between decisions (only the first Evaluations.Length count).
        private int[] desired = [];

        public void Reset(ScalingPolicy policy, IReadOnlyList<MetricWindow> windows, TargetState state, int currentCapacity, DateTimeOffset now, PriceTable? prices)
        {
            Adjustments = null;
            Severity = DecisionSeverity.Normal;
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
            if (desired.Length < evaluations.Length)
            {
                desired = new int[evaluations.Length];
            }

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
                var observed = WindowReader.Observe(rule, policy.Target.ResourceId, windows, now, counted);
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

        /// <summary>Lets go of the decision's inputs and results, so the spare Tick keeps nothing alive.</summary>
        public void Release()
        {
            policy = null!;
            state = null!;
            prices = null;
            rules = [];
            tracking = [];
            Ladder = [];
            Evaluations = [];
            Adjustments = null;
        }

        public bool Vertical { get; private set; }

        public IReadOnlyList<SkuRung> Ladder { get; private set; } = [];

        public RuleEvaluation[] Evaluations { get; private set; } = [];

        public List<DecisionAdjustment>? Adjustments { get; private set; }

        public DecisionSeverity Severity { get; private set; }

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

            if (NoneObserved())
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

        public TierNotePart TierNote() => new(this);

        public void AppendTierNote(ref ReasonText text)
        {
            if (Severity == DecisionSeverity.Normal)
            {
                return;
            }

            var tier = Severity == DecisionSeverity.Critical ? MetricTier.Critical : MetricTier.Warning;
            var i = 0;
            while (Evaluations[i].Tier != tier)
            {
                i++;
            }

            var trigger = rules[i].Trigger;
            var threshold = tier == MetricTier.Critical ? trigger.CriticalThreshold!.Value : trigger.WarningThreshold!.Value;
            var observed = Evaluations[i].Observed!.Value;
            if (tier == MetricTier.Critical)
            {
                text.Append($" Critical: '{rules[i].Name}' is past its critical threshold ({Number(observed)} {Symbol(trigger.Operator)} {Number(threshold)}), so the emergency path may take over.");
            }
            else
            {
                text.Append($" Warning: '{rules[i].Name}' is past its warning threshold ({Number(observed)} {Symbol(trigger.Operator)} {Number(threshold)}).");
            }
        }

        private Draft? ScaleOut()
        {
            var winner = -1;
            var asking = 0;
            for (var i = 0; i < Evaluations.Length; i++)
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
            return MoveOut(winner, new Why(this, asking == 1 ? WhyKind.Single : WhyKind.LargestOut, winner, asking));
        }

        private Draft? ScaleIn()
        {
            var voters = 0;
            var willing = 0;
            var winner = -1;
            for (var i = 0; i < Evaluations.Length; i++)
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
                return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
                    $"No change at {Show(currentUnit)}: scale-in {(willing == 1 ? "rule" : "rules")} {new RuleList(this, Pick.WillingIn)} fired, but scale in needs every scale-in rule to fire and {new RuleList(this, Pick.HeldIn)} did not."));
            }

            if (desired[winner] >= currentUnit)
            {
                return null;
            }

            Recommended = desired[winner];
            return MoveIn(winner, new Why(this, willing == 1 ? WhyKind.Single : WhyKind.SmallestIn, winner, willing));
        }

        /// <summary>Whether the rule at <paramref name="i"/> belongs in a list of <paramref name="pick"/>.</summary>
        private bool Picked(int i, Pick pick)
        {
            var isRule = i < rules.Count;
            if (pick == Pick.All)
            {
                return true;
            }

            if (pick == Pick.AskingOut)
            {
                return isRule
                    ? rules[i].Action.Direction == ScaleDirection.Increase && Evaluations[i].Fired && desired[i] > currentUnit
                    : desired[i] > currentUnit;
            }

            // A scale-in voter: a scale-in rule, or a target tracking that may scale in; willing when it asks for less.
            if (isRule ? rules[i].Action.Direction != ScaleDirection.Decrease : tracking[i - rules.Count].DisableScaleIn)
            {
                return false;
            }

            var willing = isRule ? Evaluations[i].Fired : desired[i] < currentUnit;
            return willing == (pick == Pick.WillingIn);
        }

        private Draft Quiet() => new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format(
            $"No change at {Show(currentUnit)}: no rule fired ({new RuleList(this, Pick.All, "; ")})."));

        private Draft MoveOut(int winner, Why why)
        {
            var wanted = desired[winner];
            var target = Math.Clamp(wanted, minUnit, maxUnit);
            if (target == currentUnit)
            {
                var where = Vertical
                    ? Format($"{Show(currentUnit)} is already the top of the ladder")
                    : Format($"capacity {current} is already at the policy's maximum of {policy.Capacity.Maximum}");
                Adjust(AdjustmentKind.Bounds, where);
                return new(DecisionOutcome.AtBound, ScaleDirection.Increase, current, Format($"{VerbOut} not possible: {why}, but {where}."));
            }

            var cooldown = CooldownOf(winner, ScaleDirection.Increase);
            if (state.LastScaleOutAt is { } last && now < last + cooldown)
            {
                return Held(winner, why, ScaleDirection.Increase, target, last, cooldown);
            }

            string? capped = null;
            if (target != wanted)
            {
                capped = Vertical
                    ? Format($"The step is capped at the top of the ladder, {Show(target)}.")
                    : Format($"The change of {wanted - currentUnit} is capped at the policy's maximum of {target}.");
                Adjust(AdjustmentKind.Bounds, capped);
            }

            if (CapByCost(target) is { } cost)
            {
                if (cost.Unit <= currentUnit)
                {
                    return new(DecisionOutcome.AtBound, ScaleDirection.Increase, current, Format($"{VerbOut} not possible: {why}, but {cost.Text}."));
                }

                target = cost.Unit;
                return new(DecisionOutcome.Scale, ScaleDirection.Increase, target, Format(
                    $"{VerbOut} {Show(currentUnit)} → {Show(target)}: {why}.{(capped is null ? null : " ")}{capped} Capped at {Show(target)} by the cost cap: {cost.Text}."), Vertical);
            }

            return new(DecisionOutcome.Scale, ScaleDirection.Increase, target, Format($"{VerbOut} {Show(currentUnit)} → {Show(target)}: {why}.{(capped is null ? null : " ")}{capped}"), Vertical);
        }

        private Draft MoveIn(int winner, Why why)
        {
            var wanted = desired[winner];
            string? notes = null;
            if (!Vertical && state.WarmingInstances > 0)
            {
                var warming = state.WarmingInstances == 1 ? "instance is" : "instances are";
                Adjust(AdjustmentKind.WarmUp, Format($"{state.WarmingInstances} {warming} still warming up, so scale-in waits until they count"));
                return new(DecisionOutcome.NoChange, ScaleDirection.None, current, Format($"No change at {current}: {why}, but {state.WarmingInstances} {warming} still warming up, so scale-in waits until they count."));
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
                    var note = new StabilizationNote(window, highest);
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
                    ? Format($"{Show(currentUnit)} is already the bottom of the ladder")
                    : Format($"capacity {current} is already at the policy's minimum of {policy.Capacity.Minimum}");
                Adjust(AdjustmentKind.Bounds, where);
                return new(DecisionOutcome.AtBound, ScaleDirection.Decrease, current, Format($"{VerbIn} not possible: {why}, but {where}."));
            }

            var cooldown = CooldownOf(winner, ScaleDirection.Decrease);
            if (state.LastScaleInAt is { } last && now < last + cooldown)
            {
                return Held(winner, why, ScaleDirection.Decrease, target, last, cooldown);
            }

            string? capped = null;
            if (target != wanted)
            {
                capped = Vertical
                    ? Format($"The step is capped at the bottom of the ladder, {Show(target)}.")
                    : Format($"The change of {currentUnit - wanted} is capped at the policy's minimum of {target}.");
                Adjust(AdjustmentKind.Bounds, capped);
            }

            return new(DecisionOutcome.Scale, ScaleDirection.Decrease, target, Format($"{VerbIn} {Show(currentUnit)} → {Show(target)}: {why}.{notes}{(capped is null ? null : " ")}{capped}"), Vertical);
        }

        private Draft Held(int winner, Why why, ScaleDirection direction, int target, DateTimeOffset last, TimeSpan cooldown)
        {
            var verb = direction == ScaleDirection.Increase ? (Vertical ? "step up" : "scale out") : (Vertical ? "step down" : "scale in");
            var kind = direction == ScaleDirection.Increase ? "scale-out" : "scale-in";
            var owner = winner < rules.Count ? "rule" : "target tracking";
            var clause = Format($"the {Duration(cooldown)} {kind} cooldown of {owner} '{NameAt(winner)}' since the last {kind} at {last:u} holds until {last + cooldown:u}");
            Adjust(AdjustmentKind.Cooldown, clause);
            return new(DecisionOutcome.CooldownHeld, direction, current, Format(
                $"Cooldown held at {Show(currentUnit)}: {why}, which would {verb} {Show(currentUnit)} → {Show(target)}, but {clause}."));
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
            for (var i = 0; i < Evaluations.Length; i++)
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

        public void AppendWhy(ref ReasonText text, WhyKind kind, int winner, int count)
        {
            if (kind == WhyKind.LargestOut)
            {
                text.Append($"rules {new RuleList(this, Pick.AskingOut)} fired; '{NameAt(winner)}' asks for the largest change (+{desired[winner] - currentUnit})");
                return;
            }

            if (kind == WhyKind.SmallestIn)
            {
                text.Append($"all {count} scale-in rules fired ({new RuleList(this, Pick.WillingIn)}); '{NameAt(winner)}' asks for the smallest change (-{currentUnit - desired[winner]})");
                return;
            }

            if (winner >= rules.Count)
            {
                var rule = tracking[winner - rules.Count];
                var counted = current - Math.Max(0, state.WarmingInstances);
                text.Append($"{new Described(this, winner)} asks for ceil({counted} × {Number(Evaluations[winner].Observed!.Value)} / {Number(rule.TargetValue)}) = {desired[winner]}");
                if (rule.DividePerInstance || state.WarmingInstances > 0)
                {
                    text.Append($" at {Math.Max(1, counted)} counted instances");
                }

                return;
            }

            text.Append($"rule {Fired(rules[winner], Evaluations[winner])}");
            var action = rules[winner].Action;
            if (action.Steps is { Count: > 0 } steps && FindStep(steps, rules[winner].Trigger, Evaluations[winner].Observed!.Value) is { } step)
            {
                var lower = step.LowerBound is { } lo ? DecisionText.Number(lo) : "-∞";
                var upper = step.UpperBound is { } hi ? DecisionText.Number(hi) : "∞";
                text.Append($", and its step for {lower} to {upper} past the threshold asks for {Change(action, step.Change)}");
            }
            else if (action.Type == ScaleActionType.PercentChangeCount)
            {
                text.Append($", asking for {(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{Number(action.Percent ?? 0)}% ({desired[winner] - currentUnit:+0;-0})");
            }
        }

        public void AppendDescribed(ref ReasonText text, int index)
        {
            if (index < rules.Count)
            {
                text.AppendFormatted(Describe(rules[index], Evaluations[index]));
            }
            else
            {
                text.AppendFormatted(Describe(tracking[index - rules.Count], Evaluations[index]));
            }
        }

        /// <summary>The picked rules described, joined as people write lists ("a, b and c") or with <paramref name="separator"/>.</summary>
        public void AppendList(ref ReasonText text, Pick pick, string? separator)
        {
            var total = 0;
            for (var i = 0; i < Evaluations.Length; i++)
            {
                total += Picked(i, pick) ? 1 : 0;
            }

            var written = 0;
            for (var i = 0; i < Evaluations.Length; i++)
            {
                if (!Picked(i, pick))
                {
                    continue;
                }

                if (written > 0)
                {
                    text.AppendLiteral(separator ?? (written == total - 1 ? " and " : ", "));
                }

                AppendDescribed(ref text, i);
                written++;
            }
        }

        private bool NoneObserved()
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

        private static string Change(ScaleAction action, int change) => action.Type switch
        {
            ScaleActionType.ExactCount => Format($"a capacity of {change}"),
            ScaleActionType.PercentChangeCount => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change}%"),
            ScaleActionType.SkuStep => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change} {(change == 1 ? "rung" : "rungs")}"),
            _ => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change}"),
        };

        private string NameAt(int index) => index < rules.Count ? rules[index].Name : tracking[index - rules.Count].Name;

        private Shown Show(int unit) => new(Ladder, Vertical, unit);

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
