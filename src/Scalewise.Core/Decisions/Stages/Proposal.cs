using System.Collections.Immutable;

namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// A decision on its way through the adjustment stages: where it would go (<see cref="Unit"/>, after the bounds; what
/// the votes still ask for is <see cref="Wanted"/>), what each stage noted, and, once a stage settled it, the outcome
/// and the note that settled it. A settled proposal passes the later stages unchanged.
/// </summary>
/// <param name="IsSku">Whether <see cref="Unit"/> is a rung of the ladder (a vertical policy's step) rather than a capacity.</param>
internal sealed record Proposal(
    DirectionChoice Choice,
    DecisionOutcome Outcome,
    ScaleDirection Direction,
    int Unit,
    int Wanted,
    bool IsSku,
    ImmutableArray<StageNote> Notes,
    StageNote? SettledBy = null,
    bool Settled = false)
{
    /// <summary>A proposal that is final as it is made (bounds restored, no rules, no data, quiet...).</summary>
    public static Proposal Final(DirectionChoice choice, DecisionOutcome outcome, ScaleDirection direction, int unit, StageNote? note = null) =>
        new(choice, outcome, direction, unit, unit, false, note is null ? [] : [note], note, true);

    /// <summary>A change still open to the adjustment stages, towards what the winner asks for.</summary>
    public static Proposal Open(DirectionChoice choice, ScaleDirection direction, int wanted) =>
        new(choice, DecisionOutcome.Scale, direction, wanted, wanted, false, []);

    /// <summary>Records what a stage changed without settling the decision.</summary>
    public Proposal Note(StageNote note) => this with { Notes = Notes.Add(note) };

    /// <summary>Settles the decision at the current capacity (held, at a bound, no change) because of <paramref name="note"/>.</summary>
    public Proposal Hold(DecisionOutcome outcome, ScaleDirection direction, int current, StageNote note) =>
        this with { Outcome = outcome, Direction = direction, Unit = current, IsSku = false, Notes = Notes.Add(note), SettledBy = note, Settled = true };
}
