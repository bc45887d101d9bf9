namespace Scalewise.Core.Procedures;

/// <summary>The one terminal state every procedure ends in.</summary>
public enum ProcedureOutcome
{
    Succeeded,
    RolledBack,
    Failed,
    Rejected,
    Cancelled,
    Superseded,
}
