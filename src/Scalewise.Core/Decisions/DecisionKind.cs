namespace Scalewise.Core.Decisions;

/// <summary>What produced a decision.</summary>
public enum DecisionKind
{
    Reactive,
    Manual,
    Scheduled,
    Predictive,
    Emergency,
}
