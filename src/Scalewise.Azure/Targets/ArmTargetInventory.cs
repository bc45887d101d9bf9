using System.Text.Json.Nodes;
using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;

namespace Scalewise.Azure.Targets;

/// <summary>
/// The tick's batched target read: ARM's list operation per resource group and type (VirtualMachineScaleSets_List and
/// VirtualMachines_List at 2023-07-01, Redis_ListByResourceGroup at 2024-11-01, RedisEnterprise_ListByResourceGroup at
/// 2025-08-01), following <c>nextLink</c>, each resource read from the fields its GET is read from. A resource whose
/// answer Scalewise cannot read is left out; the caller reads it alone, which reports what is wrong with it.
/// </summary>
public sealed class ArmTargetInventory(ArmConnection connection, IOptions<ArmTargetOptions> options) : ITargetInventory
{
    /// <summary>The api-version of the Compute list operations (Azure.ResourceManager.Compute 1.2.0's).</summary>
    public const string ComputeApiVersion = "2023-07-01";

    private readonly ArmRestClient rest = new(
        (connection ?? throw new ArgumentNullException(nameof(connection))).MonitorPipeline,
        connection.Endpoint,
        options?.Value.RequestTimeout);

    public async Task<IReadOnlyList<TargetSnapshot>> ListAsync(string subscriptionId, string resourceGroup, TargetKind kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        ArgumentException.ThrowIfNullOrEmpty(resourceGroup);
        var (type, apiVersion) = kind switch
        {
            TargetKind.VirtualMachine => ("Microsoft.Compute/virtualMachines", ComputeApiVersion),
            TargetKind.RedisCache => ("Microsoft.Cache/redis", RedisCacheController.ApiVersion),
            TargetKind.RedisEnterprise => ("Microsoft.Cache/redisEnterprise", RedisEnterpriseController.ApiVersion),
            _ => ("Microsoft.Compute/virtualMachineScaleSets", ComputeApiVersion),
        };
        var list = $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{type}";
        var snapshots = new List<TargetSnapshot>();
        var (body, _) = await rest.SendAsync(RequestMethod.Get, list, null, apiVersion, null, "list", cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var item in body?["value"] as JsonArray ?? [])
            {
                if (item?["id"]?.GetValue<string>() is { } id && Read(kind, id, item) is { } snapshot)
                {
                    snapshots.Add(snapshot);
                }
            }

            if (body?["nextLink"]?.GetValue<string>() is not { Length: > 0 } next)
            {
                return snapshots;
            }

            (body, _) = await rest.GetUrlAsync(new Uri(next), list, "list", cancellationToken).ConfigureAwait(false);
        }
    }

    private static TargetSnapshot? Read(TargetKind kind, string id, JsonNode item)
    {
        var state = item["properties"]?["provisioningState"]?.GetValue<string>() ?? ProvisioningStates.Succeeded;
        switch (kind)
        {
            case TargetKind.VirtualMachine:
                return new TargetSnapshot(id, 1, state, item["properties"]?["hardwareProfile"]?["vmSize"]?.GetValue<string>() ?? string.Empty);
            case TargetKind.RedisCache:
                try
                {
                    var cache = RedisCacheController.Parse(id, item);
                    return new TargetSnapshot(id, 1, cache.ProvisioningState, RedisSkuNames.NameOf(cache.Sku));
                }
                catch (TargetOperationException)
                {
                    return null;
                }

            case TargetKind.RedisEnterprise:
                return item["sku"]?["name"]?.GetValue<string>() is { } sku ? new TargetSnapshot(id, 1, state, sku) : null;
            default:
                return new TargetSnapshot(id, item["sku"]?["capacity"]?.GetValue<int>() ?? 0, state, item["sku"]?["name"]?.GetValue<string>());
        }
    }
}
