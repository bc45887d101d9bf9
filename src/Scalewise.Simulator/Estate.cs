using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging.Abstractions;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.RedisEnterprise;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Simulator;

/// <summary>The simulated resources, keyed by ARM resource id (case-insensitive, as ARM is).</summary>
public sealed class Estate
{
    private readonly ConcurrentDictionary<string, SimulatedScaleSet> scaleSets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ScaleOperation> operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SimulatedRedisCache> redisCaches = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SimulatedRedisEnterprise> redisEnterprises = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SimulatedVirtualMachine> virtualMachines = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SimulatedSnapshot> snapshots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IOperationSource> operationSources = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, Func<JsonNode>> operationResults = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, MetricResource> metricResources = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ScriptedMetricSeries>> scriptedMetrics = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger logger;
    private TimeSpan metricLatency;

    public Estate(TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        Traffic = new(timeProvider);
        logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<Estate>();
        Faults = new FaultInjector(timeProvider);
    }

    /// <summary>Faults to inject into matching requests (429, 500, 409, timeouts, provisioning ending Failed).</summary>
    public FaultInjector Faults { get; }

    /// <summary>How long a new disk snapshot stays Updating before it is Succeeded.</summary>
    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How a snapshot PUT (Snapshots_CreateOrUpdate) answers; one of <see cref="LongRunningForms.SnapshotCreate"/>.</summary>
    public LongRunningForm SnapshotForm
    {
        get;
        set
        {
            LongRunningForms.Require(value, LongRunningForms.SnapshotCreate, "Estate.SnapshotForm", "Snapshots_CreateOrUpdate");
            field = value;
        }
    } = LongRunningForm.OkWhileRunning;

    /// <summary>
    /// How a snapshot DELETE (Snapshots_Delete) answers; one of <see cref="LongRunningForms.SnapshotDelete"/>. The snapshot is gone
    /// at once; with a 202 form its status URL reports InProgress for <see cref="SnapshotDelay"/>, then Succeeded.
    /// </summary>
    public LongRunningForm SnapshotDeleteForm
    {
        get;
        set
        {
            LongRunningForms.Require(value, LongRunningForms.SnapshotDelete, "Estate.SnapshotDeleteForm", "Snapshots_Delete");
            field = value;
        }
    } = LongRunningForm.Synchronous200;

    /// <summary>
    /// Azure Monitor's ingestion latency: a metric point is served only this long after its whole interval has elapsed
    /// (zero by default: as soon as it has elapsed). Real platform metrics arrive a minute or more late.
    /// </summary>
    public TimeSpan MetricLatency
    {
        get => metricLatency;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            metricLatency = value;
        }
    }

    /// <summary>What callers cost (counts per kind and subscription), the latency added to every answer, and ARM's throttling.</summary>
    public Traffic.SimulatedTraffic Traffic { get; }

    public IReadOnlyCollection<SimulatedRedisCache> RedisCaches => [.. redisCaches.Values];

    public IReadOnlyCollection<SimulatedRedisEnterprise> RedisEnterprises => [.. redisEnterprises.Values];

    public IReadOnlyCollection<SimulatedVirtualMachine> VirtualMachines => [.. virtualMachines.Values];

    public IReadOnlyCollection<SimulatedSnapshot> Snapshots => [.. snapshots.Values];

    public TimeProvider TimeProvider { get; }

    public IReadOnlyCollection<SimulatedScaleSet> ScaleSets => [.. scaleSets.Values];

    /// <summary>
    /// Adds a scale set with <paramref name="capacity"/> ready instances. <paramref name="resourceId"/> is
    /// /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachineScaleSets/{name}.
    /// </summary>
    public SimulatedScaleSet AddScaleSet(string resourceId, int capacity, ScaleSetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ScaleSetResourceId.TryParse(resourceId, out var id))
        {
            throw new ArgumentException(
                $"'{resourceId}' is not a scale set resource id; expected /subscriptions/{{sub}}/resourceGroups/{{rg}}/providers/Microsoft.Compute/virtualMachineScaleSets/{{name}}.",
                nameof(resourceId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        model.Validate();
        var scaleSet = new SimulatedScaleSet(id, capacity, model, TimeProvider, logger, RegisterOperation);
        if (!scaleSets.TryAdd(id.Id, scaleSet))
        {
            throw new InvalidOperationException($"The estate already has a scale set '{id.Id}'.");
        }

        return scaleSet;
    }

    public SimulatedScaleSet GetScaleSet(string resourceId) =>
        TryGetScaleSet(resourceId, out var scaleSet)
            ? scaleSet
            : throw new KeyNotFoundException($"The estate has no scale set '{resourceId}'.");

    public bool TryGetScaleSet(string resourceId, [NotNullWhen(true)] out SimulatedScaleSet? scaleSet)
    {
        scaleSet = null;
        return ScaleSetResourceId.TryParse(resourceId, out var id) && scaleSets.TryGetValue(id.Id, out scaleSet);
    }

    /// <summary>A VM id (<c>.../virtualMachines/{scaleSet}_{instance}</c>) of an instance of a Flexible scale set in the same resource group.</summary>
    internal bool TryGetFlexInstance(string resourceId, [NotNullWhen(true)] out SimulatedScaleSet? scaleSet, [NotNullWhen(true)] out string? instanceId)
    {
        (scaleSet, instanceId) = (null, null);
        if (!ArmResourceId.TryParse(resourceId, "Microsoft.Compute", "virtualMachines", out var vm))
        {
            return false;
        }

        foreach (var candidate in scaleSets.Values.Where(s => s.Model.Flexible))
        {
            var prefix = candidate.Name + "_";
            if (candidate.SubscriptionId.Equals(vm.SubscriptionId, StringComparison.OrdinalIgnoreCase)
                && candidate.ResourceGroup.Equals(vm.ResourceGroup, StringComparison.OrdinalIgnoreCase)
                && vm.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                (scaleSet, instanceId) = (candidate, vm.Name[prefix.Length..]);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds an Azure Cache for Redis at <paramref name="sku"/>. <paramref name="resourceId"/> is
    /// /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Cache/redis/{name}.
    /// </summary>
    public SimulatedRedisCache AddRedisCache(string resourceId, Scalewise.Core.Redis.RedisSku sku, RedisCacheModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(sku);
        var id = ArmResourceId.Parse(resourceId, "Microsoft.Cache", "redis");
        if (sku.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(sku));
        }

        model ??= new RedisCacheModel();
        model.Validate();
        return Add(redisCaches, id, new SimulatedRedisCache(id, sku, model, TimeProvider, logger, RegisterOperationSource), "Redis cache");
    }

    public SimulatedRedisCache GetRedisCache(string resourceId) =>
        TryGetRedisCache(resourceId, out var cache) ? cache : throw new KeyNotFoundException($"The estate has no Redis cache '{resourceId}'.");

    public bool TryGetRedisCache(string resourceId, [NotNullWhen(true)] out SimulatedRedisCache? cache) =>
        redisCaches.TryGetValue(Normalize(resourceId), out cache);

    /// <summary>
    /// Adds an Azure Managed Redis cluster. <paramref name="resourceId"/> is
    /// /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Cache/redisEnterprise/{name}; <paramref name="capacity"/>
    /// only for Enterprise_* / EnterpriseFlash_* SKUs.
    /// </summary>
    public SimulatedRedisEnterprise AddRedisEnterprise(string resourceId, string skuName, int? capacity = null, RedisEnterpriseModel? model = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(skuName);
        var id = ArmResourceId.Parse(resourceId, "Microsoft.Cache", "redisEnterprise");
        model ??= new RedisEnterpriseModel();
        model.Validate();
        return Add(redisEnterprises, id, new SimulatedRedisEnterprise(id, skuName, capacity, model, TimeProvider, logger, RegisterOperationSource), "Redis Enterprise cluster");
    }

    public SimulatedRedisEnterprise GetRedisEnterprise(string resourceId) =>
        TryGetRedisEnterprise(resourceId, out var cluster) ? cluster : throw new KeyNotFoundException($"The estate has no Redis Enterprise cluster '{resourceId}'.");

    public bool TryGetRedisEnterprise(string resourceId, [NotNullWhen(true)] out SimulatedRedisEnterprise? cluster) =>
        redisEnterprises.TryGetValue(Normalize(resourceId), out cluster);

    /// <summary>
    /// Adds a running VM with an OS disk and <see cref="VirtualMachineModel.DataDiskCount"/> data disks. <paramref name="resourceId"/> is
    /// /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{name}.
    /// </summary>
    public SimulatedVirtualMachine AddVirtualMachine(string resourceId, VirtualMachineModel? model = null)
    {
        var id = ArmResourceId.Parse(resourceId, "Microsoft.Compute", "virtualMachines");
        model ??= new VirtualMachineModel();
        model.Validate();
        return Add(virtualMachines, id, new SimulatedVirtualMachine(id, model, TimeProvider, logger, RegisterOperationSource), "virtual machine");
    }

    public SimulatedVirtualMachine GetVirtualMachine(string resourceId) =>
        TryGetVirtualMachine(resourceId, out var vm) ? vm : throw new KeyNotFoundException($"The estate has no virtual machine '{resourceId}'.");

    public bool TryGetVirtualMachine(string resourceId, [NotNullWhen(true)] out SimulatedVirtualMachine? vm) =>
        virtualMachines.TryGetValue(Normalize(resourceId), out vm);

    public bool TryGetSnapshot(string resourceId, [NotNullWhen(true)] out SimulatedSnapshot? snapshot) =>
        snapshots.TryGetValue(Normalize(resourceId), out snapshot);

    /// <summary>What the operation's status URL reports now, or null if no resource ran it.</summary>
    public OperationSnapshot? GetOperation(string operationId)
    {
        if (operations.TryGetValue(operationId, out var operation))
        {
            return operation.Owner.GetOperation(operationId);
        }

        return operationSources.TryGetValue(operationId, out var source) ? source.GetOperation(operationId) : null;
    }

    public IReadOnlyCollection<MetricResource> MetricResources => [.. metricResources.Values];

    /// <summary>
    /// Adds a resource that only serves the metrics scripted on it (<see cref="SetMetric"/>): an Application Gateway, a
    /// Service Bus namespace, an Application Insights component, ... <paramref name="resourceId"/> is
    /// /subscriptions/{sub}/resourceGroups/{rg}/providers/{provider}/{type}/{name}; its metric namespace is its provider and type.
    /// </summary>
    public MetricResource AddMetricResource(string resourceId, string location = "westus")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!MetricResource.TryParse(resourceId, out var id, out var metricNamespace))
        {
            throw new ArgumentException(
                $"'{resourceId}' is not a resource id; expected /subscriptions/{{sub}}/resourceGroups/{{rg}}/providers/{{provider}}/{{type}}/{{name}}.",
                nameof(resourceId));
        }

        if (IsModelled(id))
        {
            throw new InvalidOperationException($"The estate already models '{id}'; script its metrics with SetMetric directly.");
        }

        var resource = new MetricResource(id, metricNamespace, location);
        return metricResources.TryAdd(id, resource) ? resource : throw new InvalidOperationException($"The estate already has a metric resource '{id}'.");
    }

    public bool TryGetMetricResource(string resourceId, [NotNullWhen(true)] out MetricResource? resource) =>
        metricResources.TryGetValue(Normalize(resourceId), out resource);

    /// <summary>
    /// Scripts <paramref name="metricName"/> on a resource of the estate (one added with <see cref="AddMetricResource"/>, or a
    /// modelled scale set, VM or cache, where it stands beside the modelled metrics and replaces a modelled one of the same
    /// name). <paramref name="series"/> gives the value of each whole minute from its start (null: no data that minute);
    /// Azure Monitor's aggregations over a grain of several minutes are taken over those values. <paramref name="dimensions"/>
    /// are the dimension values this series stands for (a <c>$filter</c> such as <c>EntityName eq 'orders'</c> selects it);
    /// several series of one metric differ by them. Setting the same metric and dimension values again replaces the series.
    /// </summary>
    public void SetMetric(
        string resourceId,
        string metricName,
        Func<DateTimeOffset, double?> series,
        IReadOnlyDictionary<string, string>? dimensions = null,
        string unit = "Count")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricName);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        var id = Normalize(resourceId);
        if (!IsModelled(id) && !metricResources.ContainsKey(id))
        {
            throw new KeyNotFoundException($"The estate has no resource '{resourceId}'; add it with AddMetricResource (or AddScaleSet, AddVirtualMachine, AddRedisCache) first.");
        }

        var values = new Dictionary<string, string>(dimensions ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        if (values.Any(d => string.IsNullOrWhiteSpace(d.Key) || d.Value is null))
        {
            throw new ArgumentException("Every dimension needs a name and a value.", nameof(dimensions));
        }

        var added = new ScriptedMetricSeries(metricName.Trim(), unit, values, series);
        scriptedMetrics.AddOrUpdate(
            id,
            _ => [added],
            (_, existing) => [.. existing.Where(s => !(s.MetricName.Equals(added.MetricName, StringComparison.OrdinalIgnoreCase) && s.HasDimensions(values))), added]);
    }

    /// <summary>The series scripted on the resource, in the order they were set.</summary>
    internal IReadOnlyList<ScriptedMetricSeries> ScriptedMetricsOf(string resourceId) =>
        scriptedMetrics.TryGetValue(Normalize(resourceId), out var series) ? series : [];

    internal bool TryGetMetricSource(string resourceId, [NotNullWhen(true)] out IMetricSource? source)
    {
        source = TryGetVirtualMachine(resourceId, out var vm) ? vm : TryGetRedisCache(resourceId, out var cache) ? cache : null;
        return source is not null;
    }

    /// <summary>The disk with this id, on whichever VM has it.</summary>
    internal SimulatedDisk? FindDisk(string diskId)
    {
        var wanted = "/" + diskId.Trim('/');
        return virtualMachines.Values.SelectMany(v => v.Disks).FirstOrDefault(d => d.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase));
    }

    internal SimulatedSnapshot PutSnapshot(ArmResourceId id, string location, SimulatedDisk source, bool incremental, IReadOnlyDictionary<string, string> tags, bool willFail)
    {
        var snapshot = new SimulatedSnapshot(id, location, source, incremental, tags, TimeProvider, TimeProvider.GetUtcNow() + SnapshotDelay, willFail);
        snapshots[id.Id] = snapshot;
        return snapshot;
    }

    internal bool RemoveSnapshot(string resourceId) => snapshots.TryRemove(Normalize(resourceId), out _);

    /// <summary>What the <c>Location</c> URL of a PUT or PATCH answers once the operation succeeded: the resource as its GET has it then.</summary>
    internal void SetOperationResult(string operationId, Func<JsonNode> result) => operationResults[operationId] = result;

    internal JsonNode? OperationResult(string operationId) => operationResults.TryGetValue(operationId, out var result) ? result() : null;

    /// <summary>Starts an operation that runs for <paramref name="duration"/> and serves it at the Compute operation URL.</summary>
    internal TimedOperation StartTimedOperation(string kind, TimeSpan duration, bool willFail, string failureCode, string failureMessage)
    {
        var now = TimeProvider.GetUtcNow();
        var operation = new TimedOperation(new SimulatedOperation(kind, now, now + duration, willFail), TimeProvider, failureCode, failureMessage);
        RegisterOperationSource(operation.Id, operation);
        return operation;
    }

    internal IReadOnlyList<SimulatedSnapshot> SnapshotsIn(string subscriptionId, string resourceGroup) =>
        [.. snapshots.Values
            .Where(s => s.ParsedId.SubscriptionId.Equals(subscriptionId, StringComparison.OrdinalIgnoreCase)
                && s.ParsedId.ResourceGroup.Equals(resourceGroup, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];

    private bool IsModelled(string id) =>
        TryGetScaleSet(id, out _) || TryGetVirtualMachine(id, out _) || TryGetRedisCache(id, out _) || TryGetRedisEnterprise(id, out _);

    private static string Normalize(string resourceId) => "/" + (resourceId ?? string.Empty).Trim('/');

    private static T Add<T>(ConcurrentDictionary<string, T> into, ArmResourceId id, T resource, string what)
    {
        if (!into.TryAdd(id.Id, resource))
        {
            throw new InvalidOperationException($"The estate already has a {what} '{id.Id}'.");
        }

        return resource;
    }

    private void RegisterOperation(ScaleOperation operation) => operations[operation.Id] = operation;

    private void RegisterOperationSource(string operationId, IOperationSource source) => operationSources[operationId] = source;
}
