namespace Scalewise.Orchestrations.Procedures;

/// <summary>The names of every procedure's steps as history and custom status show them (the vertical procedures' own steps last).</summary>
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

    /// <summary>A VM: is the new size offered where it runs?</summary>
    public const string CheckSize = "checkSize";

    public const string Deallocate = "deallocate";
    public const string Resize = "resize";
    public const string Start = "start";

    /// <summary>A VM: expired snapshots deleted.</summary>
    public const string Cleanup = "cleanup";

    /// <summary>A Redis cache: the move planned (direct, or through tiers and shards).</summary>
    public const string Plan = "plan";

    public const string Export = "export";

    /// <summary>Azure Managed Redis: is the SKU among those listSkusForScaling offers?</summary>
    public const string CheckSku = "checkSku";
}
