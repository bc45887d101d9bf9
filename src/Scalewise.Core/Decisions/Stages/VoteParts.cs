using static Scalewise.Core.Decisions.DecisionText;

namespace Scalewise.Core.Decisions.Stages;

/// <summary>The parts of a reason that speak of the votes (see <see cref="IReasonPart"/>): they write themselves into the reason.</summary>
internal static class VoteParts
{
    /// <summary>Which votes a list in a reason names.</summary>
    public enum Pick
    {
        All,
        AskingOut,
        WillingIn,
        HeldIn,
    }

    /// <summary>The vote at an index (a rule or a target tracking), described.</summary>
    public readonly struct Described(RuleVotes votes, int index) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            if (votes.IsRule(index))
            {
                text.AppendFormatted(Describe(votes.Rules[index], votes.Evaluations[index]));
            }
            else
            {
                text.AppendFormatted(Describe(votes.Tracking[index - votes.Rules.Count], votes.Evaluations[index]));
            }
        }
    }

    /// <summary>The picked votes, described: "a, b and c", or "a; b; c" with a separator.</summary>
    public readonly struct RuleList(RuleVotes votes, Pick pick, string? separator = null) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            var total = 0;
            for (var i = 0; i < votes.Evaluations.Length; i++)
            {
                total += Picked(i) ? 1 : 0;
            }

            var written = 0;
            for (var i = 0; i < votes.Evaluations.Length; i++)
            {
                if (!Picked(i))
                {
                    continue;
                }

                if (written > 0)
                {
                    text.AppendLiteral(separator ?? (written == total - 1 ? " and " : ", "));
                }

                text.AppendFormatted(new Described(votes, i));
                written++;
            }
        }

        private bool Picked(int i) => pick switch
        {
            Pick.All => true,
            Pick.AskingOut => votes.AsksOut(i),
            _ => votes.VotesIn(i) && votes.WillingIn(i) == (pick == Pick.WillingIn),
        };
    }

    /// <summary>Why the winning vote asks for its change: "rule 'cpu-high' fired (...)", "rules ... fired; 'x' asks for the largest change (+2)".</summary>
    public readonly struct Why(RuleVotes votes, DirectionChoice choice) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            var winner = choice.Winner;
            var desired = votes.Desired[winner];
            if (choice.Why == DirectionChoice.Reasons.LargestOut)
            {
                text.Append($"rules {new RuleList(votes, Pick.AskingOut)} fired; '{votes.NameAt(winner)}' asks for the largest change (+{desired - votes.CurrentUnit})");
                return;
            }

            if (choice.Why == DirectionChoice.Reasons.SmallestIn)
            {
                text.Append($"all {choice.Count} scale-in rules fired ({new RuleList(votes, Pick.WillingIn)}); '{votes.NameAt(winner)}' asks for the smallest change (-{votes.CurrentUnit - desired})");
                return;
            }

            if (!votes.IsRule(winner))
            {
                var rule = votes.Tracking[winner - votes.Rules.Count];
                var counted = votes.Current - Math.Max(0, votes.State.WarmingInstances);
                text.Append($"{new Described(votes, winner)} asks for ceil({counted} × {new NumberPart(votes.Evaluations[winner].Observed!.Value)} / {new NumberPart(rule.TargetValue)}) = {desired}");
                if (rule.DividePerInstance || votes.State.WarmingInstances > 0)
                {
                    text.Append($" at {Math.Max(1, counted)} counted instances");
                }

                return;
            }

            var fired = votes.Rules[winner];
            text.Append($"rule {Fired(fired, votes.Evaluations[winner])}");
            var action = fired.Action;
            if (action.Steps is { Count: > 0 } steps && RuleArithmetic.FindStep(steps, fired.Trigger, votes.Evaluations[winner].Observed!.Value) is { } step)
            {
                var lower = step.LowerBound is { } lo ? Number(lo) : "-∞";
                var upper = step.UpperBound is { } hi ? Number(hi) : "∞";
                text.Append($", and its step for {lower} to {upper} past the threshold asks for {Change(action, step.Change)}");
            }
            else if (action.Type == ScaleActionType.PercentChangeCount)
            {
                text.Append($", asking for {(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{new NumberPart(action.Percent ?? 0)}% ({desired - votes.CurrentUnit:+0;-0})");
            }
        }

        private static string Change(ScaleAction action, int change) => action.Type switch
        {
            ScaleActionType.ExactCount => Format($"a capacity of {change}"),
            ScaleActionType.PercentChangeCount => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change}%"),
            ScaleActionType.SkuStep => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change} {(change == 1 ? "rung" : "rungs")}"),
            _ => Format($"{(action.Direction == ScaleDirection.Decrease ? "-" : "+")}{change}"),
        };
    }

    /// <summary>A capacity, or the SKU name of a rung for vertical policies.</summary>
    public readonly struct Shown(RuleVotes votes, int unit) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            if (votes.Vertical && unit >= 0 && unit < votes.Ladder.Count)
            {
                text.AppendFormatted(votes.Ladder[unit].Name);
            }
            else
            {
                text.AppendFormatted(unit);
            }
        }
    }

    /// <summary>The tier note after a reason: " Warning: ..." or " Critical: ...", nothing at the normal tier.</summary>
    public readonly struct TierNote(RuleVotes votes) : IReasonPart
    {
        public void AppendTo(ref ReasonText text)
        {
            if (votes.Severity == DecisionSeverity.Normal)
            {
                return;
            }

            var tier = votes.Severity == DecisionSeverity.Critical ? MetricTier.Critical : MetricTier.Warning;
            var i = 0;
            while (votes.Evaluations[i].Tier != tier)
            {
                i++;
            }

            var rule = votes.Rules[i];
            var trigger = rule.Trigger;
            var threshold = tier == MetricTier.Critical ? trigger.CriticalThreshold!.Value : trigger.WarningThreshold!.Value;
            var observed = votes.Evaluations[i].Observed!.Value;
            if (tier == MetricTier.Critical)
            {
                text.Append($" Critical: '{rule.Name}' is past its critical threshold ({new NumberPart(observed)} {Symbol(trigger.Operator)} {new NumberPart(threshold)}), so the emergency path may take over.");
            }
            else
            {
                text.Append($" Warning: '{rule.Name}' is past its warning threshold ({new NumberPart(observed)} {Symbol(trigger.Operator)} {new NumberPart(threshold)}).");
            }
        }
    }
}
