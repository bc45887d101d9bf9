using System.Text.Json.Nodes;
using Scalewise.Core.Targets;

namespace Scalewise.Azure.Targets;

/// <summary>Azure Managed Redis through the ARM REST API (api-version 2025-08-01): GET, POST <c>listSkusForScaling</c>, PATCH <c>sku</c>.</summary>
public sealed class RedisEnterpriseController(ArmConnection connection, IOptions<ArmTargetOptions> options, ILogger<RedisEnterpriseController> logger) : IRedisEnterpriseController
{
    public const string ApiVersion = "2025-08-01";

    private readonly ArmRestClient rest = new(
        (connection ?? throw new ArgumentNullException(nameof(connection))).MonitorPipeline,
        connection.Endpoint,
        options?.Value.RequestTimeout);

    public async Task<RedisEnterpriseState> GetAsync(string resourceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        var (body, _) = await rest.SendAsync(RequestMethod.Get, resourceId, null, ApiVersion, null, "read", cancellationToken).ConfigureAwait(false);
        var name = body?["sku"]?["name"]?.GetValue<string>()
            ?? throw new TargetOperationException($"ARM described Redis Enterprise cluster '{resourceId}' without sku.name.", resourceId, "read", 200, null, null, null);
        return new RedisEnterpriseState(
            resourceId,
            name,
            body?["sku"]?["capacity"]?.GetValue<int>(),
            body?["properties"]?["provisioningState"]?.GetValue<string>() ?? ProvisioningStates.Succeeded,
            body?["properties"]?["resourceState"]?.GetValue<string>());
    }

    public async Task<IReadOnlyList<RedisEnterpriseSkuOption>> ListSkusForScalingAsync(string resourceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        var (body, _) = await rest.SendAsync(RequestMethod.Post, resourceId, "listSkusForScaling", ApiVersion, null, "list SKUs for scaling", cancellationToken).ConfigureAwait(false);
        return [.. (body?["skus"] as JsonArray ?? [])
            .Where(s => s?["name"] is not null)
            .Select(s => new RedisEnterpriseSkuOption(s!["name"]!.GetValue<string>(), s["sizeInGB"]?.GetValue<double>() ?? 0))];
    }

    public async Task BeginUpdateSkuAsync(string resourceId, string skuName, int? capacity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(skuName);
        var sku = new JsonObject { ["name"] = skuName };
        if (capacity is { } value)
        {
            sku["capacity"] = value;
        }

        await rest.SendAsync(RequestMethod.Patch, resourceId, null, ApiVersion, new JsonObject { ["sku"] = sku }, "update SKU to " + skuName, cancellationToken).ConfigureAwait(false);
        Log.RedisEnterpriseUpdateStarted(logger, resourceId, skuName);
    }
}
