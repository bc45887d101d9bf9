using Scalewise.Core.Redis;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.Load;

namespace Scalewise.Simulator.Redis;

/// <summary>
/// An Azure Cache for Redis (<c>Microsoft.Cache/redis</c>). A scale (SKU or shard count) goes <c>Scaling</c> and takes effect
/// after <see cref="RedisCacheModel.ScalingDelayPerShard"/> per shard touched; until then the old SKU serves and is reported.
/// Like the scale set, state moves forward lazily on each read, stamped with the time it became due.
/// </summary>
public sealed class SimulatedRedisCache : IOperationSource, IMetricSource
{
    public const string ServerLoad = "serverLoad";
    public const string UsedMemoryPercentage = "usedmemorypercentage";
    public const string ConnectedClients = "connectedclients";

    internal static readonly MetricCatalog Metrics = new(
        "Microsoft.Cache/redis",
        [
            new MetricDescription(ServerLoad, "Percent", "The percentage of cycles in which the Redis server is busy processing and not waiting idle for messages."),
            new MetricDescription(UsedMemoryPercentage, "Percent", "The percentage of total memory that is being used during the specified reporting interval."),
            new MetricDescription(ConnectedClients, "Count", "The number of client connections to the cache."),
        ]);

    private const int SamplesPerMinute = 6;

    // Operations per second one primary of each size sustains at 100 % server load (a simple model, not a benchmark).
    private static readonly double[] COperationsPerSecond = [2_000, 10_000, 20_000, 40_000, 50_000, 70_000, 90_000];
    private static readonly double[] POperationsPerSecond = [0, 40_000, 60_000, 90_000, 120_000, 200_000];

    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Action<string, IOperationSource> registerOperation;
    private readonly List<(DateTimeOffset At, RedisSku Sku)> skuTimeline = [];
    private readonly LoadTimeline offered = new();
    private readonly List<SimulatedOperation> operations = [];
    private readonly List<(SimulatedOperation Operation, RedisExportRecord Record)> exports = [];
    private SimulatedOperation? scaling;
    private RedisSku? scalingTo;
    private readonly List<(DateTimeOffset From, double Megabytes)> datasetTimeline = [];
    private string provisioningState = ProvisioningStates.Succeeded;

    internal SimulatedRedisCache(ArmResourceId id, RedisSku sku, RedisCacheModel model, TimeProvider timeProvider, ILogger logger, Action<string, IOperationSource> registerOperation)
    {
        ParsedId = id;
        Model = model;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.registerOperation = registerOperation;
        datasetTimeline.Add((DateTimeOffset.MinValue, model.DatasetMegabytes));
        skuTimeline.Add((DateTimeOffset.MinValue, sku));
    }

    public string ResourceId => ParsedId.Id;

    public string Name => ParsedId.Name;

    public RedisCacheModel Model { get; }

    public string Location => Model.Location;

    /// <summary>The SKU serving now (a pending scale shows only once it completed).</summary>
    public RedisSku Sku
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return skuTimeline[^1].Sku;
            }
        }
    }

    public string ProvisioningState
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return provisioningState;
            }
        }
    }

    /// <summary>Every export asked for, with its current status.</summary>
    public IReadOnlyList<RedisExportRecord> Exports
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return [.. exports.Select(e => e.Record with { Status = e.Operation.Status })];
            }
        }
    }

    MetricCatalog IMetricSource.Catalog => Metrics;

    internal ArmResourceId ParsedId { get; }

    /// <summary>Sets the offered load (operations per second) from now on; the first profile set also stands for all earlier time.</summary>
    public void SetLoad(ILoadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (gate)
        {
            offered.Set(profile, timeProvider.GetUtcNow());
        }
    }

    /// <summary>Sets the data held, in MB, from now on (drives <c>usedmemorypercentage</c>; earlier minutes keep what was held then).</summary>
    public void SetDatasetMegabytes(double megabytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(megabytes);
        lock (gate)
        {
            datasetTimeline.Add((timeProvider.GetUtcNow(), megabytes));
        }
    }

    /// <summary><c>serverLoad</c>: min(100, baseline + 100 × load / (ops per second of the size × shards)).</summary>
    public double ServerLoadAt(DateTimeOffset time)
    {
        lock (gate)
        {
            AdvanceLocked();
            var sku = SkuAtLocked(time);
            var capacity = (sku.Tier == RedisTier.Premium ? POperationsPerSecond[sku.Capacity] : COperationsPerSecond[sku.Capacity]) * sku.EffectiveShards;
            return Math.Min(100, Model.BaselineServerLoadPercent + (100 * LoadAtLocked(time) / capacity));
        }
    }

    /// <summary><c>usedmemorypercentage</c>: min(100, 100 × dataset / memory of all shards).</summary>
    public double UsedMemoryPercentAt(DateTimeOffset time)
    {
        lock (gate)
        {
            AdvanceLocked();
            var dataset = datasetTimeline.Last(d => d.From <= time).Megabytes;
            return Math.Min(100, 100 * dataset / SkuAtLocked(time).TotalMemoryMegabytes);
        }
    }

    /// <summary><c>connectedclients</c>: load × clients per thousand operations / 1000, rounded.</summary>
    public double ConnectedClientsAt(DateTimeOffset time)
    {
        lock (gate)
        {
            return Math.Round(LoadAtLocked(time) * Model.ConnectedClientsPerThousandOperations / 1000);
        }
    }

    double IMetricSource.ValueAt(string metric, DateTimeOffset time) => metric switch
    {
        ServerLoad => ServerLoadAt(time),
        UsedMemoryPercentage => UsedMemoryPercentAt(time),
        _ => ConnectedClientsAt(time),
    };

    public OperationSnapshot? GetOperation(string operationId)
    {
        lock (gate)
        {
            AdvanceLocked();
            return operations.Find(o => o.Id.Equals(operationId, StringComparison.OrdinalIgnoreCase))?.Snapshot();
        }
    }

    /// <summary>Starts a scale to <paramref name="target"/>, refusing what Azure refuses; null when nothing changes.</summary>
    internal SimulatedOperation? RequestScale(RedisSku target, bool willFail)
    {
        SimulatedOperation operation;
        RedisSku current;
        lock (gate)
        {
            AdvanceLocked();
            current = skuTimeline[^1].Sku;
            if (scaling is { IsRunning: true })
            {
                throw Busy();
            }

            if (target == current)
            {
                return null;
            }

            Refuse(current, target);
            var now = timeProvider.GetUtcNow();
            var delay = Model.ScalingDelayPerShard * Math.Max(current.EffectiveShards, target.EffectiveShards);
            operation = new SimulatedOperation("scale", now, now + delay, willFail);
            operations.Add(operation);
            scaling = operation;
            scalingTo = target;
            provisioningState = ProvisioningStates.Scaling;
        }

        registerOperation(operation.Id, this);
        SimulatorLog.RedisScaleRequested(logger, ResourceId, current, target, operation.Id);
        return operation;
    }

    /// <summary>Starts an export (Premium only), refusing while the cache scales.</summary>
    internal SimulatedOperation RequestExport(string prefix, string container, string format, bool willFail, bool atOnce)
    {
        SimulatedOperation operation;
        lock (gate)
        {
            AdvanceLocked();
            var sku = skuTimeline[^1].Sku;
            if (sku.Tier != RedisTier.Premium)
            {
                throw new ArmRefusalException(400, "BadRequest", $"Export is supported only for Premium caches; '{Name}' is {sku}.");
            }

            if (scaling is { IsRunning: true })
            {
                throw Busy();
            }

            var now = timeProvider.GetUtcNow();
            operation = new SimulatedOperation("export", now, atOnce ? now : now + (Model.ExportDuration * sku.EffectiveShards), willFail);
            operations.Add(operation);
            exports.Add((operation, new RedisExportRecord(operation.Id, prefix, container, format, now, operation.Status)));
            AdvanceLocked();
        }

        registerOperation(operation.Id, this);
        return operation;
    }

    private static void Refuse(RedisSku current, RedisSku target)
    {
        // The simulator's own reading of what Azure refuses (deliberately not the planner's, which is stricter).
        string? message = null;
        if (target.Tier < current.Tier)
        {
            message = $"Scaling from {current.Tier} to the lower tier {target.Tier} is not supported.";
        }
        else if (target.ShardCount > 0 && target.Tier != RedisTier.Premium)
        {
            message = "Clustering (shardCount) is supported only for Premium caches.";
        }
        else if (current.Tier == RedisTier.Basic && target.Tier == RedisTier.Premium)
        {
            message = "A Basic cache cannot be scaled directly to Premium; scale it to Standard first.";
        }
        else if (current.Tier == RedisTier.Basic && target.Tier == RedisTier.Standard && current.Capacity != target.Capacity)
        {
            message = $"A Basic cache can be scaled to Standard only at the same size ({current.Size}); change the size in a later operation.";
        }
        else if (target.Family == "C" && target.Capacity == 0 && current.Capacity > 0)
        {
            message = "Scaling down to C0 is not supported.";
        }
        else if (current.IsClustered && !target.IsClustered)
        {
            message = "Clustering cannot be disabled once enabled.";
        }
        else if (current.Tier != target.Tier && current.ShardCount != target.ShardCount)
        {
            message = "The pricing tier and the shard count cannot be changed in the same operation.";
        }

        if (message is not null)
        {
            throw new ArmRefusalException(400, "BadRequest", $"{message} Current: {current}; requested: {target}.");
        }
    }

    private ArmRefusalException Busy() =>
        new(409, "Conflict", $"The resource '{ResourceId}' is busy processing a previous update request or is undergoing system maintenance. As such, it is currently unable to accept the update request. Please try again later.");

    private void AdvanceLocked()
    {
        var now = timeProvider.GetUtcNow();
        if (scaling is { IsRunning: true } operation && operation.DueAt <= now)
        {
            operation.Finish("ScaleFailed", $"Scaling '{Name}' to {scalingTo} failed; the cache stays at {skuTimeline[^1].Sku}.");
            if (operation.Status == ProvisioningStates.Succeeded)
            {
                skuTimeline.Add((operation.DueAt, scalingTo!));
                provisioningState = ProvisioningStates.Succeeded;
            }
            else
            {
                provisioningState = ProvisioningStates.Failed;
            }

            SimulatorLog.RedisScaleEnded(logger, ResourceId, operation.Id, operation.Status);
        }

        foreach (var (export, record) in exports)
        {
            if (export.IsRunning && export.DueAt <= now)
            {
                export.Finish("ExportFailed", string.Create(CultureInfo.InvariantCulture, $"Export '{record.Prefix}' of '{Name}' to the container failed."));
            }
        }
    }

    private RedisSku SkuAtLocked(DateTimeOffset time)
    {
        for (var i = skuTimeline.Count - 1; i >= 0; i--)
        {
            if (skuTimeline[i].At <= time)
            {
                return skuTimeline[i].Sku;
            }
        }

        return skuTimeline[0].Sku;
    }

    private double LoadAtLocked(DateTimeOffset time) => offered.RequestsPerSecondAt(time);
}
