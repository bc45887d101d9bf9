using static Scalewise.Core.Decisions.DecisionText;

namespace Scalewise.Core.Decisions.Stages;

/// <summary>Each stage's note in words: the detail of its <see cref="DecisionAdjustment"/>, and the clauses reasons share with it.</summary>
internal static class NoteText
{
    public static DecisionAdjustment Adjustment(RuleVotes votes, StageNote note) => new(note.Kind, Detail(votes, note));

    public static string Detail(RuleVotes votes, StageNote note) => note switch
    {
        StageNote.BoundsRestored { Below: true } restored => Format($"capacity {votes.Current} raised to the policy's minimum of {restored.Bound}"),
        StageNote.BoundsRestored restored => Format($"capacity {votes.Current} lowered to the policy's maximum of {restored.Bound}"),
        StageNote.OffLadder => Format($"the current SKU '{votes.State.CurrentSku ?? "unknown"}' is not on the ladder ({LadderNames(votes)})"),
        StageNote.Fallback fallback => Format($"{fallback.Failures} ticks in a row without metrics; fallback capacity {fallback.Target} applies"),
        StageNote.DefaultCapacity fallback => Format($"no metrics; capacity goes to the policy's default of {fallback.Default}"),
        StageNote.AtBound bound => Where(votes, bound.Direction),
        StageNote.Cooldown cooldown => CooldownClause(votes, cooldown),
        StageNote.BoundCapped capped => BoundCapped(votes, capped),
        StageNote.CostUnpriced { Sku: var sku } unpriced => votes.Vertical
            ? Format($"the cost cap of {new MoneyPart(unpriced.Cap)}/h is not enforced: no price is known for {sku}")
            : Format($"the cost cap of {new MoneyPart(unpriced.Cap)}/h is not enforced: no price is known for SKU '{sku ?? "unknown"}'"),
        StageNote.CostCapped cost => CostDetail(votes, cost),
        StageNote.WarmUp warmUp => Format($"{warmUp.Warming} {Warming(warmUp)} still warming up, so scale-in waits until they count"),
        StageNote.Stabilized stabilized => Format($"scale-in target raised from {stabilized.Wanted} to {Math.Min(stabilized.Highest, votes.Current)}: {new StabilizationPart(stabilized)}"),
        StageNote.Flapping { Safe: var safe } flapping when safe >= votes.Current => Format($"scale-in {votes.Current} → {flapping.Wanted} refused: at {flapping.Wanted} {new FlapPart(votes, flapping)}"),
        StageNote.Flapping flapping => Format($"scale-in reduced from {votes.Current} → {flapping.Wanted} to {votes.Current} → {flapping.Safe}: at {flapping.Wanted} {new FlapPart(votes, flapping)}"),
        _ => throw new ArgumentOutOfRangeException(nameof(note), note, "a stage note without words"),
    };

    public static string LadderNames(RuleVotes votes) => string.Join(", ", votes.Ladder.Select(r => r.Name));

    /// <summary>"capacity 10 is already at the policy's maximum of 10", "Standard_D8s_v3 is already the top of the ladder".</summary>
    public static string Where(RuleVotes votes, ScaleDirection direction)
    {
        var shown = new VoteParts.Shown(votes, votes.CurrentUnit);
        return (direction == ScaleDirection.Increase, votes.Vertical) switch
        {
            (true, true) => Format($"{shown} is already the top of the ladder"),
            (true, false) => Format($"capacity {votes.Current} is already at the policy's maximum of {votes.Policy.Capacity.Maximum}"),
            (false, true) => Format($"{shown} is already the bottom of the ladder"),
            (false, false) => Format($"capacity {votes.Current} is already at the policy's minimum of {votes.Policy.Capacity.Minimum}"),
        };
    }

    /// <summary>"the 5m scale-out cooldown of rule 'cpu-high' since the last scale-out at ... holds until ...".</summary>
    public static string CooldownClause(RuleVotes votes, StageNote.Cooldown cooldown)
    {
        var kind = cooldown.Direction == ScaleDirection.Increase ? "scale-out" : "scale-in";
        var owner = votes.IsRule(cooldown.Winner) ? "rule" : "target tracking";
        return Format($"the {new DurationPart(cooldown.Span)} {kind} cooldown of {owner} '{votes.NameAt(cooldown.Winner)}' since the last {kind} at {cooldown.Last:u} holds until {cooldown.Last + cooldown.Span:u}");
    }

    public static string BoundCapped(RuleVotes votes, StageNote.BoundCapped capped)
    {
        var shown = new VoteParts.Shown(votes, capped.Target);
        return (capped.Direction == ScaleDirection.Increase, votes.Vertical) switch
        {
            (true, true) => Format($"The step is capped at the top of the ladder, {shown}."),
            (true, false) => Format($"The change of {capped.Wanted - votes.CurrentUnit} is capped at the policy's maximum of {capped.Target}."),
            (false, true) => Format($"The step is capped at the bottom of the ladder, {shown}."),
            (false, false) => Format($"The change of {votes.CurrentUnit - capped.Wanted} is capped at the policy's minimum of {capped.Target}."),
        };
    }

    /// <summary>Why the cost cap holds: "4 × Standard_D2s_v3 at $0.096/h = $0.384/h would pass the cost cap of $0.30/h, which pays for 3".</summary>
    public static string CostClause(RuleVotes votes, StageNote.CostCapped cost) => votes.Vertical
        ? Format($"{votes.Current} × {votes.Ladder[cost.Target].Name} at {new MoneyPart(cost.Price)}/h would pass the cost cap of {new MoneyPart(cost.Cap)}/h")
        : Format($"{cost.Target} × {votes.State.CurrentSku} at {new MoneyPart(cost.Price)}/h = {new MoneyPart(cost.Target * cost.Price)}/h would pass the cost cap of {new MoneyPart(cost.Cap)}/h, which pays for {cost.Affordable}");

    private static string CostDetail(RuleVotes votes, StageNote.CostCapped cost)
    {
        var clause = CostClause(votes, cost);
        if (cost.Capped <= votes.CurrentUnit)
        {
            return clause;
        }

        return votes.Vertical ? Format($"{clause}; capped at {votes.Ladder[cost.Capped].Name}") : Format($"{clause}; capped at {cost.Capped}");
    }

    public static string Warming(StageNote.WarmUp warmUp) => warmUp.Warming == 1 ? "instance is" : "instances are";

    /// <summary>"the highest recommendation over the last 10m was 7 (scale-in stabilization)".</summary>
    public readonly struct StabilizationPart(StageNote.Stabilized note) : IReasonPart
    {
        public void AppendTo(ref ReasonText text) => text.Append($"the highest recommendation over the last {new DurationPart(note.Window)} was {note.Highest} (scale-in stabilization)");
    }

    /// <summary>"'cpu-high' would see an estimated 85.5 > 80", or a target tracking's estimate against its target.</summary>
    public readonly struct FlapPart(RuleVotes votes, StageNote.Flapping note) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            if (votes.IsRule(note.Index))
            {
                var rule = votes.Rules[note.Index];
                text.Append($"'{rule.Name}' would see an estimated {new NumberPart(note.Estimate)} {Symbol(rule.Trigger.Operator)} {new NumberPart(rule.Trigger.Threshold)}");
            }
            else
            {
                var rule = votes.Tracking[note.Index - votes.Rules.Count];
                text.Append($"target tracking '{rule.Name}' would see an estimated {new NumberPart(note.Estimate)} against a target of {new NumberPart(rule.TargetValue)}");
            }
        }
    }
}
