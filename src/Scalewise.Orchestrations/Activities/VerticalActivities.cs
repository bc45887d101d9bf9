using Scalewise.Core.Pricing;
using System.Globalization;
using Scalewise.Azure.Targets;
using Scalewise.Core.Metrics;
using Scalewise.Core.Redis;

namespace Scalewise.Orchestrations.Activities;

/// <summary>
/// The activities of vertical procedures (VM resize, Redis scale, Azure Managed Redis scale). Each is thin: it calls an adapter and returns a
/// record. Calls that start a change report ARM's 429 and 409 as a deferral (<see cref="ApplyOutcome"/>) so the
/// procedure waits on a durable timer; server faults are thrown for the retry policy; other refusals are
/// <see cref="TargetRequestRejectedException"/>, never retried. Method names are the activity names.
/// </summary>
public sealed partial class VerticalActivities(
    IVirtualMachineController vms,
    IRedisCacheController caches,
    IRedisEnterpriseController clusters,
    IPolicyStore policies,
    IMetricReader metrics,
    PriceTable prices,
    TimeProvider time,
    ProcedureTiming timing,
    ILogger<VerticalActivities> logger)
{
    /// <summary>Redis metrics verification reads: their names in Azure Monitor.</summary>
    private static readonly string[] RedisVerifiedMetrics = ["serverLoad", "usedmemorypercentage"];

    /// <summary>
    /// The re-check before a vertical change: the policy still exists, the target is idle and not already at the SKU,
    /// the SKU is on the policy's own ladder when it has one, and (unless it is an emergency) the maintenance window is open.
    /// </summary>
    public async Task<VerticalGuardOutcome> GuardVerticalChange(VerticalGuardInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await policies.GetAsync(input.PolicyId, cancellationToken).ConfigureAwait(false);
        var (sku, capacity, provisioning) = await ReadSkuAsync(input.TargetKind, input.TargetResourceId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new VerticalGuardOutcome(false, $"policy '{input.PolicyId}' no longer exists", sku, capacity);
        }

        var policy = stored.Policy;
        var direction = SkuLadderMoves.Steps(SkuLadderMoves.LadderOf(policy), sku, input.ToSku) is < 0 ? ScaleDirection.Decrease : ScaleDirection.Increase;
        var outcome = new VerticalGuardOutcome(true, string.Empty, sku, capacity, policy.AcceptDataLoss, policy.SnapshotRetention, direction);
        if (!ProvisioningStates.IsTerminal(provisioning))
        {
            return outcome with { Allowed = false, Reason = $"the target is still '{provisioning}' from an earlier operation" };
        }

        if (string.Equals(sku, input.ToSku, StringComparison.OrdinalIgnoreCase))
        {
            return outcome with { Allowed = false, Reason = $"the target already is {input.ToSku}" };
        }

        if (policy.Ladder is { } ladder && SkuLadderMoves.IndexOf(ladder, input.ToSku) is null)
        {
            return outcome with { Allowed = false, Reason = $"{input.ToSku} is not on the policy's ladder ({string.Join(", ", ladder.Select(r => r.Name))})" };
        }

        if (SkuPrices.CapBreach(policy, prices, input.Kind, sku, capacity, input.ToSku, capacity) is { } breach)
        {
            return outcome with { Allowed = false, Reason = breach };
        }

        var now = time.GetUtcNow();
        if (policy.Maintenance is { } window && input.Kind != DecisionKind.Emergency && !window.Contains(now))
        {
            var next = window.NextOpening(now);
            return outcome with
            {
                Allowed = false,
                Reason = string.Create(CultureInfo.InvariantCulture, $"{now:u} is outside the maintenance window {window}{(next is { } n ? $"; it next opens at {n:u}" : string.Empty)} (only emergencies change the SKU outside it)"),
            };
        }

        var why = input.Kind == DecisionKind.Emergency && policy.Maintenance is not null ? " (emergency: maintenance window not required)" : string.Empty;
        return outcome with { Reason = $"{sku} → {input.ToSku}{why}" };
    }

    public Task<VirtualMachineState> ReadVirtualMachine(string targetResourceId, CancellationToken cancellationToken) =>
        vms.GetAsync(targetResourceId, cancellationToken);

    /// <summary>The names of the sizes the VM can be resized to now (fewer while allocated than while deallocated).</summary>
    public async Task<IReadOnlyList<string>> ListVirtualMachineSizes(string targetResourceId, CancellationToken cancellationToken) =>
        [.. (await vms.ListAvailableSizesAsync(targetResourceId, cancellationToken).ConfigureAwait(false)).Select(s => s.Name)];

    public Task<IReadOnlyList<DiskSnapshotInfo>> SnapshotDisks(DiskSnapshotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return vms.BeginSnapshotDisksAsync(request.TargetResourceId, request.Label, cancellationToken);
    }

    public async Task<IReadOnlyList<DiskSnapshotInfo>> ReadDiskSnapshots(IReadOnlyList<string> snapshotIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshotIds);
        var read = new List<DiskSnapshotInfo>();
        foreach (var id in snapshotIds)
        {
            read.Add(await vms.GetSnapshotAsync(id, cancellationToken).ConfigureAwait(false));
        }

        return read;
    }

    public Task<ApplyOutcome> DeallocateVirtualMachine(string targetResourceId, CancellationToken cancellationToken) =>
        DeferrableAsync(targetResourceId, "deallocation", () => vms.BeginDeallocateAsync(targetResourceId, cancellationToken));

    public Task<ApplyOutcome> StartVirtualMachine(string targetResourceId, CancellationToken cancellationToken) =>
        DeferrableAsync(targetResourceId, "start", () => vms.BeginStartAsync(targetResourceId, cancellationToken));

    public Task<ApplyOutcome> ResizeVirtualMachine(SkuChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return DeferrableAsync(change.TargetResourceId, $"size {change.Sku}", () => vms.BeginResizeAsync(change.TargetResourceId, change.Sku, cancellationToken));
    }

    /// <summary>Passes when the VM runs, at the expected size, with its last operation Succeeded.</summary>
    public async Task<VerificationResult> VerifyVirtualMachine(SkuChange expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var vm = await vms.GetAsync(expected.TargetResourceId, cancellationToken).ConfigureAwait(false);
        var running = vm.IsRunning ? 1 : 0;
        if (!string.Equals(vm.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase))
        {
            return new VerificationResult(false, $"the VM is '{vm.ProvisioningState}', not Succeeded", 1, running);
        }

        if (!string.Equals(vm.Size, expected.Sku, StringComparison.OrdinalIgnoreCase))
        {
            return new VerificationResult(false, $"the VM is {vm.Size}, expected {expected.Sku}", 1, running);
        }

        return vm.IsRunning
            ? new VerificationResult(true, $"running at {vm.Size}", 1, 1)
            : new VerificationResult(false, $"the VM is {vm.Size} but its power state is '{vm.PowerState ?? "unknown"}', not running", 1, 0);
    }

    /// <summary>Deletes Scalewise's snapshots of the VM older than the retention; returns their ids.</summary>
    public Task<IReadOnlyList<string>> DeleteExpiredSnapshots(SnapshotCleanup cleanup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cleanup);
        return vms.DeleteSnapshotsCreatedBeforeAsync(cleanup.TargetResourceId, SnapshotRetention.DeleteBefore(time.GetUtcNow(), cleanup.Retention), cancellationToken);
    }

    public Task<RedisCacheState> ReadRedisCache(string targetResourceId, CancellationToken cancellationToken) =>
        caches.GetAsync(targetResourceId, cancellationToken);

    /// <summary>Starts an export of the cache's data; returns the status URL to poll with <see cref="ReadArmOperation"/>, null when it finished at once.</summary>
    public async Task<string?> ExportRedisCache(RedisExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await caches.BeginExportAsync(request.TargetResourceId, request.Prefix, cancellationToken).ConfigureAwait(false);
        }
        catch (TargetOperationException ex) when (!ex.IsTransient)
        {
            throw new TargetRequestRejectedException($"ARM refused the export of {request.TargetResourceId}: {ex.Status} {ex.ErrorCode}: {ex.Message}", ex);
        }
    }

    public Task<ArmOperationStatus> ReadArmOperation(string statusUrl, CancellationToken cancellationToken) =>
        caches.GetOperationAsync(statusUrl, cancellationToken);

    public Task<ApplyOutcome> ScaleRedisCache(RedisScaleChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return DeferrableAsync(change.TargetResourceId, change.Sku.ToString(), () => caches.BeginScaleAsync(change.TargetResourceId, change.Sku, cancellationToken));
    }

    /// <summary>
    /// Passes when the cache is Succeeded at the expected SKU and, for each scale-out rule of the policy on server load or
    /// used memory, the latest minute is back under the rule's threshold.
    /// </summary>
    public async Task<VerificationResult> VerifyRedisCache(RedisScaleChange expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var cache = await caches.GetAsync(expected.TargetResourceId, cancellationToken).ConfigureAwait(false);
        var shards = cache.Sku.EffectiveShards;
        if (!string.Equals(cache.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase))
        {
            return new VerificationResult(false, $"the cache is '{cache.ProvisioningState}', not Succeeded", shards, 0);
        }

        if (cache.Sku != expected.Sku)
        {
            return new VerificationResult(false, $"the cache is {cache.Sku}, expected {expected.Sku}", shards, 0);
        }

        var stored = await policies.GetAsync(expected.PolicyId, cancellationToken).ConfigureAwait(false);
        var triggers = (stored?.Policy.Rules ?? [])
            .Where(r => r.Action.Direction == ScaleDirection.Increase && r.Trigger.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual)
            .Select(r => r.Trigger)
            .Where(t => RedisVerifiedMetrics.Contains(t.MetricName, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var findings = new List<string> { $"{cache.Sku} Succeeded" };
        foreach (var trigger in triggers)
        {
            var request = new MetricRequest(expected.TargetResourceId, trigger.MetricName, trigger.MetricNamespace, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3));
            var windows = await metrics.ReadAsync([request], time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var latest = windows.SelectMany(w => w.Points).Where(p => p.Value.HasValue).OrderBy(p => p.TimeStamp).LastOrDefault();
            if (latest?.Value is not { } value)
            {
                findings.Add($"{trigger.MetricName}: no data yet");
                continue;
            }

            if (trigger.Passes(value, trigger.Threshold))
            {
                return new VerificationResult(false, string.Create(CultureInfo.InvariantCulture, $"{trigger.MetricName} is {value:0.#}, still past the scale-out threshold of {trigger.Threshold:0.#}"), shards, 0);
            }

            findings.Add(string.Create(CultureInfo.InvariantCulture, $"{trigger.MetricName} {value:0.#} under {trigger.Threshold:0.#}"));
        }

        return new VerificationResult(true, string.Join("; ", findings), shards, shards);
    }

    public Task<RedisEnterpriseState> ReadRedisEnterprise(string targetResourceId, CancellationToken cancellationToken) =>
        clusters.GetAsync(targetResourceId, cancellationToken);

    /// <summary>The SKUs the Azure Managed Redis cluster can scale to now, as <c>listSkusForScaling</c> returns them.</summary>
    public Task<IReadOnlyList<RedisEnterpriseSkuOption>> ListRedisEnterpriseSkus(string targetResourceId, CancellationToken cancellationToken) =>
        clusters.ListSkusForScalingAsync(targetResourceId, cancellationToken);

    public Task<ApplyOutcome> ScaleRedisEnterprise(RedisEnterpriseSkuChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return DeferrableAsync(change.TargetResourceId, $"SKU {change.Sku}", () => clusters.BeginUpdateSkuAsync(change.TargetResourceId, change.Sku, change.Capacity, cancellationToken));
    }

    /// <summary>Passes when the cluster is Succeeded and running at the expected SKU (and capacity, for Enterprise SKUs).</summary>
    public async Task<VerificationResult> VerifyRedisEnterprise(RedisEnterpriseSkuChange expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var cluster = await clusters.GetAsync(expected.TargetResourceId, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(cluster.ProvisioningState, ProvisioningStates.Succeeded, StringComparison.OrdinalIgnoreCase))
        {
            return new VerificationResult(false, $"the cluster is '{cluster.ProvisioningState}', not Succeeded", 1, 0);
        }

        if (!string.Equals(cluster.SkuName, expected.Sku, StringComparison.OrdinalIgnoreCase) || (expected.Capacity is { } capacity && cluster.Capacity != capacity))
        {
            return new VerificationResult(false, $"the cluster is {Describe(cluster)}, expected {expected.Sku}{(expected.Capacity is { } c ? $" capacity {c}" : string.Empty)}", 1, 0);
        }

        if (cluster.ResourceState is { } state && !string.Equals(state, "Running", StringComparison.OrdinalIgnoreCase))
        {
            return new VerificationResult(false, $"the cluster is {Describe(cluster)} but its resource state is '{state}', not Running", 1, 0);
        }

        return new VerificationResult(true, $"running at {Describe(cluster)}", 1, 1);
    }

    private static string Describe(RedisEnterpriseState cluster) =>
        cluster.Capacity is { } capacity ? $"{cluster.SkuName} capacity {capacity}" : cluster.SkuName;

    private async Task<(string Sku, int Capacity, string ProvisioningState)> ReadSkuAsync(TargetKind kind, string resourceId, CancellationToken cancellationToken)
    {
        if (kind == TargetKind.RedisEnterprise)
        {
            var cluster = await clusters.GetAsync(resourceId, cancellationToken).ConfigureAwait(false);
            return (cluster.SkuName, 1, cluster.ProvisioningState);
        }

        if (kind == TargetKind.RedisCache)
        {
            var cache = await caches.GetAsync(resourceId, cancellationToken).ConfigureAwait(false);
            return (RedisSkuNames.NameOf(cache.Sku), cache.Sku.EffectiveShards, cache.ProvisioningState);
        }

        var vm = await vms.GetAsync(resourceId, cancellationToken).ConfigureAwait(false);
        return (vm.Size, 1, vm.ProvisioningState);
    }

    private async Task<ApplyOutcome> DeferrableAsync(string resourceId, string what, Func<Task> begin)
    {
        try
        {
            await begin().ConfigureAwait(false);
        }
        catch (TargetOperationException ex) when (ex.IsThrottled || ex.IsOperationInProgress)
        {
            var wait = ex.RetryAfter ?? timing.DefaultRetryAfter;
            LogDeferred(logger, resourceId, what, ex.Status, wait);
            return new ApplyOutcome(false, wait, $"ARM answered {ex.Status} {ex.ErrorCode}: {ex.Message}");
        }
        catch (TargetOperationException ex) when (!ex.IsTransient)
        {
            throw new TargetRequestRejectedException($"ARM refused {what} for {resourceId}: {ex.Status} {ex.ErrorCode}: {ex.Message}", ex);
        }

        LogRequested(logger, resourceId, what);
        return ApplyOutcome.Started($"{what} requested");
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Requested {What} for {TargetResourceId}")]
    private static partial void LogRequested(ILogger logger, string targetResourceId, string what);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "ARM deferred {What} for {TargetResourceId} ({Status}); asking again in {Wait}")]
    private static partial void LogDeferred(ILogger logger, string targetResourceId, string what, int status, TimeSpan wait);
}
