namespace Scalewise.Simulator.Operations;

/// <summary>The forms each long-running operation's definition documents (its <c>responses</c> and their headers), checked when a model is added.</summary>
public static class LongRunningForms
{
    /// <summary>VirtualMachineScaleSets_Update and VirtualMachines_Update (ComputeRP 2023-07-01): only 200.</summary>
    public static IReadOnlyList<LongRunningForm> ComputeUpdate { get; } = [LongRunningForm.OkWithAzureAsyncOperation, LongRunningForm.OkWhileRunning];

    /// <summary>VirtualMachines_Deallocate and _Start (ComputeRP 2023-07-01): 200 (answered when already in that state) or 202.</summary>
    public static IReadOnlyList<LongRunningForm> ComputePower { get; } = [LongRunningForm.AcceptedWithBoth, LongRunningForm.Location, LongRunningForm.AzureAsyncOperation];

    /// <summary>Snapshots_CreateOrUpdate (DiskRP 2023-04-02): 200 or 202.</summary>
    public static IReadOnlyList<LongRunningForm> SnapshotCreate { get; } =
        [LongRunningForm.OkWhileRunning, LongRunningForm.OkWithAzureAsyncOperation, LongRunningForm.Location, LongRunningForm.AzureAsyncOperation, LongRunningForm.AcceptedWithBoth];

    /// <summary>Snapshots_Delete (DiskRP 2023-04-02): 200, 202 or 204.</summary>
    public static IReadOnlyList<LongRunningForm> SnapshotDelete { get; } =
        [LongRunningForm.Synchronous200, LongRunningForm.Synchronous204, LongRunningForm.Location, LongRunningForm.AzureAsyncOperation, LongRunningForm.AcceptedWithBoth];

    /// <summary>Redis_Update (Redis 2024-11-01): 200, or 202 with <c>Location</c> (final-state-via location).</summary>
    public static IReadOnlyList<LongRunningForm> RedisUpdate { get; } = [LongRunningForm.OkWhileRunning, LongRunningForm.Location];

    /// <summary>Redis_ExportData (Redis 2024-11-01): 200, 204, or 202 with <c>Location</c> (and, as Azure also answers, <c>Azure-AsyncOperation</c>).</summary>
    public static IReadOnlyList<LongRunningForm> RedisExport { get; } =
        [LongRunningForm.Location, LongRunningForm.AzureAsyncOperation, LongRunningForm.Synchronous200, LongRunningForm.Synchronous204];

    /// <summary>RedisEnterprise_Update (2025-08-01): 200, or 202 with <c>Location</c> and <c>Azure-AsyncOperation</c> (final-state-via azure-async-operation).</summary>
    public static IReadOnlyList<LongRunningForm> RedisEnterpriseUpdate { get; } =
        [LongRunningForm.OkWithAzureAsyncOperation, LongRunningForm.OkWhileRunning, LongRunningForm.AcceptedWithBoth];

    internal static void Require(LongRunningForm form, IReadOnlyList<LongRunningForm> allowed, string setting, string operation)
    {
        if (!allowed.Contains(form))
        {
            throw new ArgumentException($"{setting} is {form}, which {operation} does not document; it allows {string.Join(", ", allowed)}.", setting);
        }
    }
}
