namespace Scalewise.Orchestrations.Procedures;

/// <summary>The names of a procedure's steps as history and custom status show them.</summary>
public static class ProcedureStepNames
{
    public const string Guard = "guard";
    public const string Approval = "approval";
    public const string Snapshot = "snapshot";
    public const string Apply = "apply";
    public const string WaitForProvisioning = "waitForProvisioning";
    public const string WarmUp = "warmUp";
    public const string Verify = "verify";
    public const string Rollback = "rollback";
    public const string Notify = "notify";
    public const string Record = "record";

    /// <summary>An emergency's aftermath, watched until it is over or the observation period ends.</summary>
    public const string Observe = "observe";

    /// <summary>An emergency's post-event capacity report, written and notified.</summary>
    public const string Report = "report";
}
