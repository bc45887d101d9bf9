using Scalewise.Simulator.Hosting;

namespace Scalewise.Simulator.RedisEnterprise;

/// <summary>
/// An Azure Managed Redis cluster (<c>Microsoft.Cache/redisEnterprise</c>): a SKU name (and, for Enterprise SKUs, a capacity),
/// <c>listSkusForScaling</c>, and a PATCH of the SKU that goes <c>Updating</c> for <see cref="RedisEnterpriseModel.ScalingDelay"/>.
/// </summary>
public sealed class SimulatedRedisEnterprise : IOperationSource
{
    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Action<string, IOperationSource> registerOperation;
    private readonly List<SimulatedOperation> operations = [];
    private SimulatedOperation? updating;
    private (string Name, int? Capacity) pendingSku;
    private string skuName;
    private int? capacity;
    private string provisioningState = ProvisioningStates.Succeeded;

    internal SimulatedRedisEnterprise(ArmResourceId id, string skuName, int? capacity, RedisEnterpriseModel model, TimeProvider timeProvider, ILogger logger, Action<string, IOperationSource> registerOperation)
    {
        ParsedId = id;
        this.skuName = skuName;
        this.capacity = capacity;
        Model = model;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.registerOperation = registerOperation;
    }

    public string ResourceId => ParsedId.Id;

    public string Name => ParsedId.Name;

    public RedisEnterpriseModel Model { get; }

    public string SkuName
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return skuName;
            }
        }
    }

    public int? Capacity
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return capacity;
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

    /// <summary>"Running" normally, "Updating" while the SKU changes.</summary>
    public string ResourceState => ProvisioningState == ProvisioningStates.Updating ? "Updating" : "Running";

    internal ArmResourceId ParsedId { get; }

    public IReadOnlyList<RedisEnterpriseSkuOption> SkusForScaling()
    {
        var current = SkuName;
        return [.. (Model.SkusForScaling ?? RedisEnterpriseSkuCatalog.Default).Where(s => !s.Name.Equals(current, StringComparison.OrdinalIgnoreCase))];
    }

    public OperationSnapshot? GetOperation(string operationId)
    {
        lock (gate)
        {
            AdvanceLocked();
            return operations.Find(o => o.Id.Equals(operationId, StringComparison.OrdinalIgnoreCase))?.Snapshot();
        }
    }

    /// <summary>Starts a SKU change to one of <see cref="SkusForScaling"/>; null when nothing changes.</summary>
    internal SimulatedOperation? RequestSku(string name, int? newCapacity, bool willFail)
    {
        var allowed = SkusForScaling();
        SimulatedOperation operation;
        lock (gate)
        {
            AdvanceLocked();
            if (updating is { IsRunning: true })
            {
                throw new ArmRefusalException(409, "Conflict", $"The cluster '{ResourceId}' is already being updated; retry after the current operation completes.");
            }

            if (name.Equals(skuName, StringComparison.OrdinalIgnoreCase) && newCapacity == capacity)
            {
                return null;
            }

            if (!name.Equals(skuName, StringComparison.OrdinalIgnoreCase) && !allowed.Any(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArmRefusalException(
                    400,
                    "BadRequest",
                    $"Scaling '{Name}' from {skuName} to {name} is not supported. Call listSkusForScaling for the SKUs it can scale to: {string.Join(", ", allowed.Select(s => s.Name))}.",
                    "sku.name");
            }

            var now = timeProvider.GetUtcNow();
            operation = new SimulatedOperation("update", now, now + Model.ScalingDelay, willFail);
            operations.Add(operation);
            updating = operation;
            pendingSku = (allowed.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Name ?? skuName, newCapacity);
            provisioningState = ProvisioningStates.Updating;
        }

        registerOperation(operation.Id, this);
        SimulatorLog.OperationStarted(logger, ResourceId, "sku update to " + name, operation.Id);
        return operation;
    }

    private void AdvanceLocked()
    {
        if (updating is { IsRunning: true } operation && operation.DueAt <= timeProvider.GetUtcNow())
        {
            operation.Finish("UpdateFailed", $"Updating '{Name}' to {pendingSku.Name} failed; the cluster stays at {skuName}.");
            if (operation.Status == ProvisioningStates.Succeeded)
            {
                (skuName, capacity) = pendingSku;
                provisioningState = ProvisioningStates.Succeeded;
            }
            else
            {
                provisioningState = ProvisioningStates.Failed;
            }
        }
    }
}
