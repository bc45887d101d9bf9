using System.Text.Json.Nodes;
using Scalewise.Core.Redis;
using Scalewise.Core.Targets;

namespace Scalewise.Azure.Targets;

/// <summary>
/// Azure Cache for Redis through the ARM REST API (api-version 2024-11-01; there is no Redis management SDK here), over the
/// connection's shared pipeline: GET for SKU, shards and provisioning state, PATCH <c>properties.sku</c> / <c>properties.shardCount</c> to
/// scale, POST <c>export</c> for an RDB snapshot to blob storage, followed in whichever form ARM answers (200, 204, 202 with
/// <c>Location</c> or <c>Azure-AsyncOperation</c>).
/// </summary>
public sealed class RedisCacheController(ArmConnection connection, IOptions<ArmTargetOptions> options, ILogger<RedisCacheController> logger) : IRedisCacheController
{
    public const string ApiVersion = "2024-11-01";


    private readonly ArmRestClient rest = new(
        (connection ?? throw new ArgumentNullException(nameof(connection))).MonitorPipeline,
        connection.Endpoint,
        options?.Value.RequestTimeout);

    private readonly Uri? exportContainer = options?.Value.RedisExportContainer;

    public async Task<RedisCacheState> GetAsync(string resourceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        var (body, _) = await rest.SendAsync(RequestMethod.Get, resourceId, null, ApiVersion, null, "read", cancellationToken).ConfigureAwait(false);
        return Parse(resourceId, body);
    }

    public async Task BeginScaleAsync(string resourceId, RedisSku target, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Validate() is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(target));
        }

        // Redis_Update (RedisUpdateParameters) takes the SKU at properties.sku; a top-level sku is not in the definition.
        var properties = new JsonObject
        {
            ["sku"] = new JsonObject { ["name"] = target.Name, ["family"] = target.Family, ["capacity"] = target.Capacity },
        };
        if (target.IsClustered)
        {
            properties["shardCount"] = target.ShardCount;
        }

        var body = new JsonObject { ["properties"] = properties };

        await rest.SendAsync(RequestMethod.Patch, resourceId, null, ApiVersion, body, "scale to " + target, cancellationToken).ConfigureAwait(false);
        Log.RedisScaleStarted(logger, resourceId, target);
    }

    public async Task<string?> BeginExportAsync(string resourceId, string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var container = exportContainer ?? throw new InvalidOperationException(
            $"No Redis export container is configured: set '{ArmTargetOptions.SectionName}:{nameof(ArmTargetOptions.RedisExportContainer)}' to the https SAS URL of a blob container.");
        var body = new JsonObject { ["format"] = "RDB", ["prefix"] = prefix, ["container"] = container.AbsoluteUri };
        var (_, response) = await rest.SendAsync(RequestMethod.Post, resourceId, "export", ApiVersion, body, "export", cancellationToken).ConfigureAwait(false);
        Log.RedisExportStarted(logger, resourceId, prefix);

        // Redis_ExportData answers 200 or 204 when done at once, or 202 with a Location (and perhaps an Azure-AsyncOperation) URL.
        if (response.Status != 202)
        {
            return null;
        }

        var statusUrl = response.Headers.TryGetValue("Azure-AsyncOperation", out var asyncOperation) && !string.IsNullOrEmpty(asyncOperation) ? asyncOperation
            : response.Headers.TryGetValue("Location", out var location) ? location
            : null;
        return string.IsNullOrEmpty(statusUrl)
            ? throw new TargetOperationException(
                $"ARM accepted the export of '{resourceId}' (HTTP 202) without a Location or Azure-AsyncOperation URL to follow.",
                resourceId,
                "export",
                response.Status,
                null,
                null,
                null)
            : statusUrl;
    }

    public async Task<ArmOperationStatus> GetOperationAsync(string statusUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(statusUrl);
        JsonNode? body;
        Response response;
        try
        {
            (body, response) = await rest.GetUrlAsync(new Uri(statusUrl), statusUrl, "read operation status", cancellationToken).ConfigureAwait(false);
        }
        catch (TargetOperationException ex) when (!ex.IsTransient)
        {
            // A Location URL answers the operation's failure with the error itself.
            return new ArmOperationStatus(statusUrl, ProvisioningStates.Failed, null, null, ex.ErrorCode, ex.AzureMessage ?? ex.Message);
        }

        if (body?["status"] is JsonValue status && status.TryGetValue<string>(out var text))
        {
            return new ArmOperationStatus(
                statusUrl,
                text,
                Time(body["startTime"]),
                Time(body["endTime"]),
                body["error"]?["code"]?.GetValue<string>(),
                body["error"]?["message"]?.GetValue<string>());
        }

        // A Location URL: 202 while the operation runs, 200 or 204 (body or not) once it succeeded.
        return new ArmOperationStatus(statusUrl, response.Status == 202 ? ProvisioningStates.InProgress : ProvisioningStates.Succeeded, null, null, null, null);
    }

    internal static RedisCacheState Parse(string resourceId, JsonNode? body)
    {
        var properties = body?["properties"];
        var sku = properties?["sku"] ?? body?["sku"];
        var capacity = sku?["capacity"]?.GetValue<int>() ?? -1;
        var shards = properties?["shardCount"]?.GetValue<int>();
        if (!RedisSku.TryParse(sku?["name"]?.GetValue<string>(), sku?["family"]?.GetValue<string>(), capacity, shards, out var parsed, out var error))
        {
            throw new TargetOperationException($"ARM described Redis cache '{resourceId}' with a SKU Scalewise does not understand: {error}", resourceId, "read", 200, null, null, null);
        }

        return new RedisCacheState(
            resourceId,
            parsed!,
            properties?["provisioningState"]?.GetValue<string>() ?? ProvisioningStates.Succeeded,
            body?["location"]?.GetValue<string>() ?? string.Empty);
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
