namespace Scalewise.Core.Procedures;

/// <summary>Orchestration instance ids derived from the target, so that a target runs at most one procedure at a time.</summary>
public static class ProcedureIds
{
    public static string ForTarget(string policyId) => $"scale-{policyId}";
}
