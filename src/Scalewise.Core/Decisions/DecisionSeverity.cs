namespace Scalewise.Core.Decisions;

/// <summary>The highest tier a metric reached in a decision: warnings are recorded and notified, critical decisions go to the emergency path.</summary>
public enum DecisionSeverity
{
    Normal,
    Warning,
    Critical,
}
