namespace Scalewise.Orchestrations.Activities;

/// <summary>What every procedure's guard answers: may the procedure go on, and why (or why not).</summary>
public interface IGuardOutcome
{
    bool Allowed { get; }

    string Reason { get; }
}
