using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scalewise.Core.Redis;
using Scalewise.Simulator.Redis;
using Scalewise.Simulator.RedisEnterprise;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Simulator.Wire;

/// <summary>Serves Redis caches, Azure Managed Redis clusters and single VMs (snapshots: <see cref="SnapshotRoutes"/>).</summary>
internal sealed class ResourceRoutes(Estate estate)
{
    /// <summary>HttpContext item set when a <see cref="FaultKind.ProvisioningFailed"/> rule matched the request.</summary>
    public const string FailProvisioningItem = "scalewise.fail-provisioning";

    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);

    internal static bool WillFail(HttpContext context) => context.Items.ContainsKey(FailProvisioningItem);

    internal static string BaseUri(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";

    internal static string ApiVersionQuery(HttpContext context) => "api-version=" + Uri.EscapeDataString(context.Request.Query["api-version"].ToString());

    public async Task RedisCacheAsync(HttpContext context, SimulatedRedisCache cache, string[] rest)
    {
        var method = context.Request.Method;
        if (rest.Length == 0 && HttpMethods.IsGet(method))
        {
            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, RedisJson.Cache(cache)).ConfigureAwait(false);
        }
        else if (rest.Length == 0 && HttpMethods.IsPatch(method))
        {
            var body = await ReadObjectAsync(context).ConfigureAwait(false);
            if (body is null)
            {
                return;
            }

            var current = cache.Sku;
            var target = current;
            if (body["properties"]?["sku"] is JsonObject sku)
            {
                var capacity = sku["capacity"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : -1;
                if (!RedisSku.TryParse(sku["name"]?.ToString(), sku["family"]?.ToString(), capacity, null, out var parsed, out var error))
                {
                    await RequestRouter.WriteErrorAsync(context, 400, "InvalidRequestBody", "The sku is invalid: " + error, "properties.sku").ConfigureAwait(false);
                    return;
                }

                target = parsed! with { ShardCount = current.ShardCount };
            }

            if (body["properties"]?["shardCount"] is JsonValue shards)
            {
                if (!shards.TryGetValue<int>(out var shardCount) || shardCount < 0 || shardCount > RedisSku.MaxShards)
                {
                    await RequestRouter.WriteErrorAsync(context, 400, "InvalidRequestBody", string.Create(CultureInfo.InvariantCulture, $"properties.shardCount must be a whole number from 0 to {RedisSku.MaxShards}."), "properties.shardCount").ConfigureAwait(false);
                    return;
                }

                target = target with { ShardCount = shardCount };
            }

            var scale = cache.RequestScale(target, WillFail(context));
            if (scale is null)
            {
                await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, RedisJson.Cache(cache)).ConfigureAwait(false);
                return;
            }

            estate.SetOperationResult(scale.Id, () => RedisJson.Cache(cache));
            await LongRunningAnswers.StartedAsync(context, cache.Model.UpdateForm, CacheStatusUrl(context, cache, scale), scale.Snapshot(), RedisJson.Cache(cache)).ConfigureAwait(false);
        }
        else if (rest.Length == 1 && Is(rest[0], "export") && HttpMethods.IsPost(method))
        {
            var body = await ReadObjectAsync(context).ConfigureAwait(false);
            if (body is null)
            {
                return;
            }

            var prefix = body["prefix"]?.ToString();
            var container = body["container"]?.ToString();
            if (string.IsNullOrWhiteSpace(prefix) || !Uri.TryCreate(container, UriKind.Absolute, out var containerUri) || containerUri.Scheme != Uri.UriSchemeHttps)
            {
                await RequestRouter.WriteErrorAsync(context, 400, "InvalidRequestBody", "An export needs 'prefix' (the blob name prefix) and 'container' (an https SAS URL of the blob container).", "container").ConfigureAwait(false);
                return;
            }

            var form = cache.Model.ExportForm;
            var atOnce = form is LongRunningForm.Synchronous200 or LongRunningForm.Synchronous204;
            var operation = cache.RequestExport(prefix, container!, body["format"]?.ToString() ?? "RDB", WillFail(context), atOnce);
            await LongRunningAnswers.AcceptedAsync(context, form, CacheStatusUrl(context, cache, operation), operation.Snapshot()).ConfigureAwait(false);
        }
        else
        {
            await RequestRouter.MethodNotAllowedAsync(context).ConfigureAwait(false);
        }
    }

    public async Task RedisEnterpriseAsync(HttpContext context, SimulatedRedisEnterprise cluster, string[] rest)
    {
        var method = context.Request.Method;
        if (rest.Length == 0 && HttpMethods.IsGet(method))
        {
            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, RedisJson.Enterprise(cluster)).ConfigureAwait(false);
        }
        else if (rest.Length == 0 && HttpMethods.IsPatch(method))
        {
            var body = await ReadObjectAsync(context).ConfigureAwait(false);
            if (body is null)
            {
                return;
            }

            if (body["sku"] is JsonObject sku)
            {
                var name = sku["name"]?.ToString();
                if (string.IsNullOrWhiteSpace(name))
                {
                    await RequestRouter.WriteErrorAsync(context, 400, "InvalidRequestBody", "sku.name is required.", "sku.name").ConfigureAwait(false);
                    return;
                }

                int? capacity = sku["capacity"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : null;
                var operation = cluster.RequestSku(name, capacity, WillFail(context));
                if (operation is not null)
                {
                    // OperationsStatus_Get of the redisEnterprise definition (asyncOperations is Azure Cache for Redis's, another api-version).
                    var status = $"{BaseUri(context)}subscriptions/{cluster.ParsedId.SubscriptionId}/providers/Microsoft.Cache/locations/{Uri.EscapeDataString(cluster.Model.Location)}/operationsStatus/{operation.Id}?{ApiVersionQuery(context)}";
                    estate.SetOperationResult(operation.Id, () => RedisJson.Enterprise(cluster));
                    await LongRunningAnswers.StartedAsync(context, cluster.Model.UpdateForm, status, operation.Snapshot(), RedisJson.Enterprise(cluster)).ConfigureAwait(false);
                    return;
                }
            }

            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, RedisJson.Enterprise(cluster)).ConfigureAwait(false);
        }
        else if (rest.Length == 1 && Is(rest[0], "listSkusForScaling") && HttpMethods.IsPost(method))
        {
            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, RedisJson.SkusForScaling(cluster)).ConfigureAwait(false);
        }
        else
        {
            await RequestRouter.MethodNotAllowedAsync(context).ConfigureAwait(false);
        }
    }

    public async Task CacheOperationAsync(HttpContext context, string subscriptionId, string location, string operationId)
    {
        var operation = estate.GetOperation(operationId);
        if (operation is null)
        {
            await RequestRouter.NotFoundAsync(context, context.Request.Path.Value ?? string.Empty).ConfigureAwait(false);
            return;
        }

        if (LongRunningAnswers.IsLocation(context))
        {
            await LongRunningAnswers.LocationAsync(context, operation, estate.OperationResult(operationId)).ConfigureAwait(false);
            return;
        }

        var body = RedisJson.AsyncOperation(subscriptionId, location, operation);
        body["id"] = context.Request.Path.Value;
        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    public async Task VirtualMachineAsync(HttpContext context, SimulatedVirtualMachine vm, string[] rest)
    {
        var method = context.Request.Method;
        if (rest.Length == 0 && HttpMethods.IsGet(method))
        {
            var expand = context.Request.Query["$expand"].ToString().Contains("instanceView", StringComparison.OrdinalIgnoreCase);
            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, VirtualMachineJson.VirtualMachine(vm, expand)).ConfigureAwait(false);
        }
        else if (rest.Length == 0 && HttpMethods.IsPatch(method))
        {
            var body = await ReadObjectAsync(context).ConfigureAwait(false);
            if (body is null)
            {
                return;
            }

            if (body["properties"]?["hardwareProfile"]?["vmSize"] is JsonValue size && size.GetValueKind() == JsonValueKind.String)
            {
                var operation = vm.RequestResize(size.GetValue<string>(), WillFail(context));
                if (operation is not null)
                {
                    estate.SetOperationResult(operation.Id, () => VirtualMachineJson.VirtualMachine(vm, expandInstanceView: false));
                    await LongRunningAnswers.StartedAsync(context, vm.Model.UpdateForm, ComputeStatusUrl(context, vm.SubscriptionId, vm.Location, operation.Id), operation.Snapshot(), VirtualMachineJson.VirtualMachine(vm, expandInstanceView: false)).ConfigureAwait(false);
                    return;
                }
            }

            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, VirtualMachineJson.VirtualMachine(vm, expandInstanceView: false)).ConfigureAwait(false);
        }
        else if (rest.Length == 1 && Is(rest[0], "instanceView") && HttpMethods.IsGet(method))
        {
            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, VirtualMachineJson.InstanceView(vm)).ConfigureAwait(false);
        }
        else if (rest.Length == 1 && Is(rest[0], "vmSizes") && HttpMethods.IsGet(method))
        {
            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, VirtualMachineJson.Sizes(vm.AvailableSizes())).ConfigureAwait(false);
        }
        else if (rest.Length == 1 && (Is(rest[0], "deallocate") || Is(rest[0], "start")) && HttpMethods.IsPost(method))
        {
            var operation = Is(rest[0], "start") ? vm.RequestStart(WillFail(context)) : vm.RequestDeallocate(WillFail(context));
            if (operation is null)
            {
                await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject()).ConfigureAwait(false);
                return;
            }

            await LongRunningAnswers.AcceptedAsync(context, vm.Model.PowerForm, ComputeStatusUrl(context, vm.SubscriptionId, vm.Location, operation.Id), operation.Snapshot()).ConfigureAwait(false);
        }
        else
        {
            await RequestRouter.MethodNotAllowedAsync(context).ConfigureAwait(false);
        }
    }

    /// <summary>Redis_ListBySubscription: the caches of one subscription.</summary>
    public async Task RedisCacheListAsync(HttpContext context, string subscriptionId)
    {
        var value = new JsonArray();
        foreach (var cache in estate.RedisCaches.Where(c => c.ParsedId.SubscriptionId.Equals(subscriptionId, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.ParsedId.Id, StringComparer.OrdinalIgnoreCase))
        {
            value.Add(RedisJson.Cache(cache));
        }

        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["value"] = value }).ConfigureAwait(false);
    }

    /// <summary>A Compute operation URL (served by the router for every Compute operation, snapshots' included).</summary>
    internal static string ComputeStatusUrl(HttpContext context, string subscriptionId, string location, string operationId) =>
        $"{BaseUri(context)}subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{Uri.EscapeDataString(location)}/operations/{operationId}?{ApiVersionQuery(context)}";

    private static string CacheStatusUrl(HttpContext context, SimulatedRedisCache cache, SimulatedOperation operation) =>
        $"{BaseUri(context)}subscriptions/{cache.ParsedId.SubscriptionId}/providers/Microsoft.Cache/locations/{Uri.EscapeDataString(cache.Location)}/asyncOperations/{operation.Id}?{ApiVersionQuery(context)}";

    internal static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            if ((string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)) is JsonObject body)
            {
                return body;
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        await RequestRouter.WriteErrorAsync(context, 400, "InvalidRequestContent", "The request content was invalid and could not be deserialized: it must be a JSON object.").ConfigureAwait(false);
        return null;
    }
}
