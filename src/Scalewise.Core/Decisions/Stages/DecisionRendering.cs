using static Scalewise.Core.Decisions.DecisionText;
using Kinds = Scalewise.Core.Decisions.Stages.DirectionChoice.Kinds;

namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// The last stage: the decision as it is returned, its reason written from the choice and the stages' notes (each note
/// also becomes an adjustment), then the tier note, the alerts' note and observe mode.
/// </summary>
internal static class DecisionRendering
{
    public static ScalingDecision Render(RuleVotes votes, Proposal proposal, IReadOnlyList<MetricWindow> windows)
    {
        var policy = votes.Policy;
        var outcome = proposal.Outcome;
        var alerts = AlertEvaluation.Evaluate(policy, windows, votes.State, votes.Current, votes.Now, out var alerted);
        var reason = Reason(votes, proposal);
        var tierNote = new VoteParts.TierNote(votes);
        if (policy.Mode == PolicyMode.Observe && outcome == DecisionOutcome.Scale)
        {
            outcome = DecisionOutcome.Observed;
            reason = Format($"Observe mode, not acted on: would {char.ToLowerInvariant(reason[0])}{reason.AsSpan(1)}{tierNote}{alerted}");
        }
        else if (votes.Severity != DecisionSeverity.Normal || alerted.Length > 0)
        {
            reason = Format($"{reason}{tierNote}{alerted}");
        }

        var moved = outcome is DecisionOutcome.Scale or DecisionOutcome.Observed;
        var evaluations = votes.Evaluations;
        return new ScalingDecision(
            policy.Id,
            policy.Target.ResourceId,
            DecisionKind.Reactive,
            outcome,
            proposal.Direction,
            votes.Current,
            proposal.IsSku ? votes.Current : proposal.Unit,
            reason,
            alerts is null ? System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(evaluations)! : [.. evaluations, .. alerts],
            votes.Now)
        {
            CurrentSku = votes.State.CurrentSku,
            NewSku = proposal.IsSku && moved ? votes.Ladder[proposal.Unit].Name : null,
            Adjustments = Adjustments(votes, proposal),
            Severity = alerted.Length > 0 && votes.Severity == DecisionSeverity.Normal ? DecisionSeverity.Warning : votes.Severity,
            RecommendedCapacity = votes.Vertical ? null : proposal.Choice.Recommended(votes),
        };
    }

    private static DecisionAdjustment[] Adjustments(RuleVotes votes, Proposal proposal)
    {
        if (proposal.Notes.IsEmpty)
        {
            return [];
        }

        var adjustments = new DecisionAdjustment[proposal.Notes.Length];
        for (var i = 0; i < adjustments.Length; i++)
        {
            adjustments[i] = NoteText.Adjustment(votes, proposal.Notes[i]);
        }

        return adjustments;
    }

    private static string Reason(RuleVotes votes, Proposal proposal)
    {
        var current = votes.Current;
        var shown = new VoteParts.Shown(votes, votes.CurrentUnit);
        var bounds = votes.Policy.Capacity;
        return proposal.Choice.Kind switch
        {
            Kinds.BelowMinimum => Format($"Scale out {current} → {bounds.Minimum}: capacity {current} is below the policy's minimum of {bounds.Minimum}, which holds whatever the rules say."),
            Kinds.AboveMaximum => Format($"Scale in {current} → {bounds.Maximum}: capacity {current} is above the policy's maximum of {bounds.Maximum}, which holds whatever the rules say."),
            Kinds.NoRules => Format($"No change at {current}: the policy has no rules."),
            Kinds.NoData => Missing(votes, proposal),
            Kinds.OffLadder => Format($"No change: the current SKU '{votes.State.CurrentSku ?? "unknown"}' is not on the policy's ladder ({NoteText.LadderNames(votes)}), so no rule can step from it."),
            Kinds.InNotUnanimous => Format(
                $"No change at {shown}: scale-in {(proposal.Choice.Count == 1 ? "rule" : "rules")} {new VoteParts.RuleList(votes, VoteParts.Pick.WillingIn)} fired, but scale in needs every scale-in rule to fire and {new VoteParts.RuleList(votes, VoteParts.Pick.HeldIn)} did not."),
            Kinds.Quiet => Format($"No change at {shown}: no rule fired ({new VoteParts.RuleList(votes, VoteParts.Pick.All, "; ")})."),
            _ => proposal.SettledBy is { } held ? Held(votes, proposal, held) : Moved(votes, proposal),
        };
    }

    private static string Missing(RuleVotes votes, Proposal proposal)
    {
        var missing = Join(votes.Rules.Select((r, i) => r.Trigger.Formula is null ? $"'{r.Trigger.MetricName}' (rule '{r.Name}')" : $"formula {r.Trigger.Formula} (rule '{r.Name}': {votes.Evaluations[i].Detail})")
            .Concat(votes.Tracking.Select(t => $"'{t.MetricName}' (target tracking '{t.Name}')")).Distinct());
        var current = votes.Current;
        return proposal.SettledBy switch
        {
            StageNote.Fallback fallback => Format(
                $"Scale out {current} → {fallback.Target}: no metric has had data for {fallback.Failures} ticks in a row (nothing for {missing}), so the policy's fallback capacity of {fallback.Target} applies."),
            StageNote.DefaultCapacity fallback => Format(
                $"Scale out {current} → {fallback.Default}: Azure Monitor returned no values for {missing}, so capacity goes to the policy's default of {fallback.Default}."),
            _ => Format($"No data: Azure Monitor returned no values for {missing}, so capacity stays at {current}."),
        };
    }

    /// <summary>A change a stage held: at a bound, in cooldown, past the cost cap, warming up, stabilized or flapping.</summary>
    private static string Held(RuleVotes votes, Proposal proposal, StageNote held)
    {
        var why = new VoteParts.Why(votes, proposal.Choice);
        var current = votes.Current;
        var shown = new VoteParts.Shown(votes, votes.CurrentUnit);
        return held switch
        {
            StageNote.AtBound bound => Format($"{Verb(votes, bound.Direction)} not possible: {why}, but {NoteText.Where(votes, bound.Direction)}."),
            StageNote.CostCapped cost => Format($"{Verb(votes, ScaleDirection.Increase)} not possible: {why}, but {NoteText.CostClause(votes, cost)}."),
            StageNote.Cooldown cooldown => Format(
                $"Cooldown held at {shown}: {why}, which would {Verb(votes, cooldown.Direction, lower: true)} {shown} → {new VoteParts.Shown(votes, cooldown.Target)}, but {NoteText.CooldownClause(votes, cooldown)}."),
            StageNote.WarmUp warmUp => Format($"No change at {current}: {why}, but {warmUp.Warming} {NoteText.Warming(warmUp)} still warming up, so scale-in waits until they count."),
            StageNote.Stabilized stabilized => Format(
                $"No change at {current}: {why}, which would scale in {current} → {stabilized.Wanted}, but {new NoteText.StabilizationPart(stabilized)}."),
            StageNote.Flapping flapping => Format(
                $"No change at {current}: {why}, but flapping protection holds it, since at {flapping.Wanted} {new NoteText.FlapPart(votes, flapping)} and scale out again."),
            _ => throw new ArgumentOutOfRangeException(nameof(held), held, "a stage that holds a change without words for it"),
        };
    }

    /// <summary>A change that passed every stage, with what the stages changed on its way.</summary>
    private static string Moved(RuleVotes votes, Proposal proposal)
    {
        var why = new VoteParts.Why(votes, proposal.Choice);
        var from = new VoteParts.Shown(votes, votes.CurrentUnit);
        var to = new VoteParts.Shown(votes, proposal.Unit);
        var verb = Verb(votes, proposal.Direction);
        string? capped = null;
        string? notes = null;
        StageNote.CostCapped? cost = null;
        foreach (var note in proposal.Notes)
        {
            switch (note)
            {
                case StageNote.BoundCapped bound:
                    capped = NoteText.BoundCapped(votes, bound);
                    break;
                case StageNote.CostCapped costCapped:
                    cost = costCapped;
                    break;
                case StageNote.Stabilized stabilized:
                    notes += Format($" Stabilized at {stabilized.Highest}: {new NoteText.StabilizationPart(stabilized)}.");
                    break;
                case StageNote.Flapping flapping:
                    notes += Format($" Flapping protection scales in only to {flapping.Safe}, since at {flapping.Wanted} {new NoteText.FlapPart(votes, flapping)}.");
                    break;
            }
        }

        return cost is null
            ? Format($"{verb} {from} → {to}: {why}.{notes}{(capped is null ? null : " ")}{capped}")
            : Format($"{verb} {from} → {to}: {why}.{(capped is null ? null : " ")}{capped} Capped at {to} by the cost cap: {NoteText.CostClause(votes, cost)}.");
    }

    private static string Verb(RuleVotes votes, ScaleDirection direction, bool lower = false) => (direction == ScaleDirection.Increase, votes.Vertical) switch
    {
        (true, true) => lower ? "step up" : "Step up",
        (true, false) => lower ? "scale out" : "Scale out",
        (false, true) => lower ? "step down" : "Step down",
        (false, false) => lower ? "scale in" : "Scale in",
    };
}
