namespace Scalewise.Core.Decisions;

/// <summary>What a decision concluded.</summary>
public enum DecisionOutcome
{
    /// <summary>No rule fired; capacity stays.</summary>
    NoChange,

    /// <summary>Capacity should change to the decision's new capacity.</summary>
    Scale,

    /// <summary>A rule fired but its cooldown still held.</summary>
    CooldownHeld,

    /// <summary>A rule fired but the target is already at the bound in that direction.</summary>
    AtBound,

    /// <summary>Metrics were missing, so nothing could be decided.</summary>
    NoData,

    /// <summary>The policy observes only: the decision is recorded, never acted on.</summary>
    Observed,
}
