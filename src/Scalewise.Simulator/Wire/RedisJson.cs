using Scalewise.Simulator.Redis;
using Scalewise.Simulator.RedisEnterprise;

namespace Scalewise.Simulator.Wire;

/// <summary>Azure Cache for Redis, Azure Managed Redis and their async operations in the ARM wire shape (api-versions 2024-11-01 / 2025-08-01).</summary>
internal static class RedisJson
{
    public static JsonObject Cache(SimulatedRedisCache cache)
    {
        var sku = cache.Sku;
        var instances = new JsonArray();
        var perShard = sku.Tier == Scalewise.Core.Redis.RedisTier.Basic ? 1 : 2;
        var port = 0;
        for (var shard = 0; shard < sku.EffectiveShards; shard++)
        {
            for (var node = 0; node < perShard; node++, port++)
            {
                var instance = new JsonObject
                {
                    ["isMaster"] = node == 0,
                    ["isPrimary"] = node == 0,
                    ["nonSslPort"] = 13000 + port,
                    ["sslPort"] = 15000 + port,
                };
                if (sku.IsClustered)
                {
                    instance["shardId"] = shard;
                }

                instances.Add(instance);
            }
        }

        var properties = new JsonObject
        {
            ["enableNonSslPort"] = false,
            ["hostName"] = $"{cache.Name}.redis.cache.windows.net",
            ["instances"] = instances,
            ["linkedServers"] = new JsonArray(),
            ["port"] = 6379,
            ["privateEndpointConnections"] = new JsonArray(),
            ["provisioningState"] = cache.ProvisioningState,
            ["publicNetworkAccess"] = "Enabled",
            ["redisConfiguration"] = new JsonObject { ["maxclients"] = "1000", ["maxmemory-reserved"] = "50", ["maxmemory-delta"] = "50" },
            ["redisVersion"] = cache.Model.RedisVersion,
            ["replicasPerMaster"] = perShard - 1,
            ["replicasPerPrimary"] = perShard - 1,
            ["sku"] = new JsonObject { ["name"] = sku.Name, ["capacity"] = sku.Capacity, ["family"] = sku.Family },
            ["sslPort"] = 6380,
            ["updateChannel"] = "Stable",
            ["zonalAllocationPolicy"] = "Automatic",
            ["minimumTlsVersion"] = "1.2",
        };
        if (sku.IsClustered)
        {
            properties["shardCount"] = sku.ShardCount;
        }

        return new JsonObject
        {
            ["name"] = cache.Name,
            ["type"] = "Microsoft.Cache/Redis",
            ["id"] = cache.ResourceId,
            ["location"] = cache.Location,
            ["properties"] = properties,
            ["tags"] = new JsonObject(),
        };
    }

    public static JsonObject Enterprise(SimulatedRedisEnterprise cluster)
    {
        var sku = new JsonObject { ["name"] = cluster.SkuName };
        if (cluster.Capacity is { } capacity)
        {
            sku["capacity"] = capacity;
        }

        return new JsonObject
        {
            ["id"] = cluster.ResourceId,
            ["location"] = cluster.Model.Location,
            ["kind"] = "v2",
            ["sku"] = sku,
            ["zones"] = new JsonArray("1", "2", "3"),
            ["name"] = cluster.Name,
            ["type"] = "Microsoft.Cache/redisEnterprise",
            ["tags"] = new JsonObject(),
            ["identity"] = new JsonObject { ["type"] = "None" },
            ["properties"] = new JsonObject
            {
                ["hostName"] = $"{cluster.Name}.{cluster.Model.Location.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()}.redis.azure.net",
                ["provisioningState"] = cluster.ProvisioningState,
                ["resourceState"] = cluster.ResourceState,
                ["redisVersion"] = "7.4",
                ["minimumTlsVersion"] = "1.2",
                ["publicNetworkAccess"] = "Enabled",
                ["privateEndpointConnections"] = new JsonArray(),
                ["encryption"] = new JsonObject(),
            },
        };
    }

    public static JsonObject SkusForScaling(SimulatedRedisEnterprise cluster)
    {
        var skus = new JsonArray();
        foreach (var sku in cluster.SkusForScaling())
        {
            skus.Add(new JsonObject { ["name"] = sku.Name, ["sizeInGB"] = sku.SizeInGB });
        }

        return new JsonObject { ["skus"] = skus };
    }

    /// <summary>The status URL body (shape of RedisCacheAsyncOperationStatus.json).</summary>
    public static JsonObject AsyncOperation(string subscriptionId, string location, OperationSnapshot operation)
    {
        JsonNode? error = null;
        if (operation.ErrorCode is not null)
        {
            error = new JsonObject { ["code"] = operation.ErrorCode, ["message"] = operation.ErrorMessage };
        }

        var percent = operation.Status == ProvisioningStates.InProgress ? 50 : 100;
        return new JsonObject
        {
            ["id"] = $"/subscriptions/{subscriptionId}/providers/Microsoft.Cache/locations/{location}/asyncOperations/{operation.OperationId}",
            ["name"] = operation.OperationId,
            ["status"] = operation.Status,
            ["startTime"] = WireFormat.Precise(operation.StartTime),
            ["endTime"] = operation.EndTime is { } end ? WireFormat.Precise(end) : null,
            ["percentComplete"] = percent,
            ["properties"] = null,
            ["error"] = error,
        };
    }
}
