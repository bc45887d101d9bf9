using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.Operations;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Wire;

/// <summary>Serves the ARM and Azure Monitor requests Scalewise makes, against an <see cref="Estate"/>.</summary>
internal sealed class RequestRouter(Estate estate, ILogger logger)
{
    private readonly ResourceRoutes resources = new(estate);

    private const string MetricsSuffix = "/providers/Microsoft.Insights/metrics";
    private const int MaxCapacity = 1000;

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        await RouteAsync(context).ConfigureAwait(false);
        SimulatorLog.Request(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Response.StatusCode);
    }

    private static string[] Segments(string path) => path.Trim('/').Split('/');

    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private async Task RouteAsync(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= "Bearer ".Length)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\"";
            await WireFormat.WriteArmErrorAsync(
                context,
                StatusCodes.Status401Unauthorized,
                "AuthenticationFailed",
                "Authentication failed. The 'Authorization' header is missing or is not 'Bearer <token>'.").ConfigureAwait(false);
            return;
        }

        var apiVersion = request.Query["api-version"].ToString();
        if (string.IsNullOrEmpty(apiVersion))
        {
            await WireFormat.WriteArmErrorAsync(
                context,
                StatusCodes.Status400BadRequest,
                "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.").ConfigureAwait(false);
            return;
        }

        if (!ApiVersion.IsWellFormed(apiVersion))
        {
            await WireFormat.WriteArmErrorAsync(
                context,
                StatusCodes.Status400BadRequest,
                "InvalidApiVersionParameter",
                $"The api-version '{apiVersion}' is invalid. The supported versions look like yyyy-mm-dd or yyyy-mm-dd-preview.").ConfigureAwait(false);
            return;
        }

        var path = (request.Path.Value ?? "/").TrimEnd('/');
        var segments = Segments(path);

        if (estate.Faults.TryTake(request.Method, path) is { } fault)
        {
            SimulatorLog.FaultInjected(logger, fault.Kind, request.Method, path);
            if (await InjectAsync(context, fault, segments).ConfigureAwait(false))
            {
                return;
            }
        }

        try
        {
            await RouteResourceAsync(context, path, segments).ConfigureAwait(false);
        }
        catch (ArmRefusalException refusal)
        {
            await WriteErrorAsync(context, refusal.Status, refusal.Code, refusal.Message, refusal.Target).ConfigureAwait(false);
        }
    }

    /// <summary>An ARM error body with any status.</summary>
    internal static Task WriteErrorAsync(HttpContext context, int status, string code, string message, string? target = null) =>
        WireFormat.WriteArmErrorAsync(context, status, code, message, target);

    /// <summary>Applies a fault; true when the fault answered the request, false when it only marks the operation to fail.</summary>
    private async Task<bool> InjectAsync(HttpContext context, FaultRule fault, string[] segments)
    {
        switch (fault.Kind)
        {
            case FaultKind.Throttle:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", $"The request is being throttled; retry after {fault.RetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.").ConfigureAwait(false);
                return true;
            case FaultKind.ServerError:
                await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "InternalServerError", "Encountered an internal server error. Retry the request.").ConfigureAwait(false);
                return true;
            case FaultKind.Conflict:
                await WriteErrorAsync(context, StatusCodes.Status409Conflict, "OperationNotAllowed", $"Another operation is in progress on '{fault.ResourceId}'. Retry after it completes.").ConfigureAwait(false);
                return true;
            case FaultKind.Timeout:
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up first, as intended.
                    return true;
                }

                await WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, "GatewayTimeout", $"The gateway did not receive a response within {fault.Delay.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.").ConfigureAwait(false);
                return true;
            default:
                if (segments.Length >= 8 && estate.TryGetScaleSet(string.Join('/', segments.Take(8)), out var scaleSet))
                {
                    scaleSet.FailNextProvisioning();
                }

                context.Items[ResourceRoutes.FailProvisioningItem] = fault;
                return false;
        }
    }

    private async Task RouteResourceAsync(HttpContext context, string path, string[] segments)
    {

        if (path.EndsWith(MetricsSuffix, StringComparison.OrdinalIgnoreCase))
        {
            await RequireMethod(context, HttpMethods.Get, () => MetricsAsync(context, path[..^MetricsSuffix.Length])).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 3 && Is(segments[0], "subscriptions") && Is(segments[2], "metrics:getBatch"))
        {
            await RequireMethod(context, HttpMethods.Post, () => MetricsBatchAsync(context)).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 8 && Is(segments[0], "subscriptions") && Is(segments[2], "providers")
            && Is(segments[3], "Microsoft.Compute") && Is(segments[4], "locations") && Is(segments[6], "operations"))
        {
            await RequireMethod(context, HttpMethods.Get, () => OperationAsync(context, segments[7])).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 8 && Is(segments[0], "subscriptions") && Is(segments[2], "providers")
            && Is(segments[3], "Microsoft.Cache") && Is(segments[4], "locations") && Is(segments[6], "asyncOperations"))
        {
            await RequireMethod(context, HttpMethods.Get, () => resources.CacheOperationAsync(context, segments[1], segments[5], segments[7])).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 7 && Is(segments[0], "subscriptions") && Is(segments[2], "resourceGroups") && Is(segments[4], "providers")
            && Is(segments[5], "Microsoft.Compute") && Is(segments[6], "snapshots"))
        {
            await RequireMethod(context, HttpMethods.Get, () => resources.SnapshotListAsync(context, segments[1], segments[3])).ConfigureAwait(false);
            return;
        }

        if (segments.Length >= 8)
        {
            var resourceId = string.Join('/', segments.Take(8));
            var rest = segments[8..];
            if (estate.TryGetScaleSet(resourceId, out var scaleSet))
            {
                await ScaleSetRouteAsync(context, scaleSet, rest).ConfigureAwait(false);
                return;
            }

            if (estate.TryGetRedisCache(resourceId, out var cache))
            {
                await ResourceRoutes.RedisCacheAsync(context, cache, rest).ConfigureAwait(false);
                return;
            }

            if (estate.TryGetRedisEnterprise(resourceId, out var cluster))
            {
                await ResourceRoutes.RedisEnterpriseAsync(context, cluster, rest).ConfigureAwait(false);
                return;
            }

            if (estate.TryGetVirtualMachine(resourceId, out var vm))
            {
                await ResourceRoutes.VirtualMachineAsync(context, vm, rest).ConfigureAwait(false);
                return;
            }

            if (rest.Length == 0 && ArmResourceId.TryParse(resourceId, "Microsoft.Compute", "snapshots", out var snapshotId))
            {
                await resources.SnapshotAsync(context, snapshotId).ConfigureAwait(false);
                return;
            }
        }

        await NotFoundAsync(context, path).ConfigureAwait(false);
    }

    private static async Task ScaleSetRouteAsync(HttpContext context, SimulatedScaleSet scaleSet, string[] rest)
    {
        var method = context.Request.Method;
        switch (rest.Length)
        {
            case 0 when HttpMethods.IsGet(method):
                await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, ScaleSetJson.ScaleSet(scaleSet, scaleSet.Snapshot())).ConfigureAwait(false);
                return;
            case 0 when HttpMethods.IsPatch(method):
                await PatchScaleSetAsync(context, scaleSet).ConfigureAwait(false);
                return;
            case 1 when Is(rest[0], "virtualMachines"):
                await RequireMethod(context, HttpMethods.Get, () => ListVirtualMachinesAsync(context, scaleSet)).ConfigureAwait(false);
                return;
            case 2 when Is(rest[0], "virtualMachines"):
                await RequireMethod(context, HttpMethods.Get, () => VirtualMachineAsync(context, scaleSet, rest[1], instanceViewOnly: false)).ConfigureAwait(false);
                return;
            case 3 when Is(rest[0], "virtualMachines") && Is(rest[2], "instanceView"):
                await RequireMethod(context, HttpMethods.Get, () => VirtualMachineAsync(context, scaleSet, rest[1], instanceViewOnly: true)).ConfigureAwait(false);
                return;
            case 0:
                await MethodNotAllowedAsync(context).ConfigureAwait(false);
                return;
            default:
                await NotFoundAsync(context, context.Request.Path.Value ?? string.Empty).ConfigureAwait(false);
                return;
        }
    }

    private static async Task PatchScaleSetAsync(HttpContext context, SimulatedScaleSet scaleSet)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        JsonNode? body;
        try
        {
            // An empty PATCH body is the same as {} (change nothing).
            body = string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            await WireFormat.WriteArmErrorAsync(
                context,
                StatusCodes.Status400BadRequest,
                "InvalidRequestContent",
                $"The request content was invalid and could not be deserialized: '{ex.Message}'.").ConfigureAwait(false);
            return;
        }

        if (body is not JsonObject root)
        {
            await WireFormat.WriteArmErrorAsync(
                context,
                StatusCodes.Status400BadRequest,
                "InvalidRequestContent",
                "The request content must be a JSON object, e.g. {\"sku\":{\"capacity\":3}}.").ConfigureAwait(false);
            return;
        }

        int? capacity = null;
        if (root.TryGetPropertyValue("sku", out var sku) && sku is not null)
        {
            if (sku is not JsonObject skuObject)
            {
                await InvalidParameterAsync(context, "sku", "The value of parameter sku is invalid: it must be an object such as {\"capacity\":3}.").ConfigureAwait(false);
                return;
            }

            if (skuObject.TryGetPropertyValue("capacity", out var capacityNode) && capacityNode is not null)
            {
                if (capacityNode is not JsonValue value || !value.TryGetValue<long>(out var requested) || requested < 0 || requested > MaxCapacity)
                {
                    await InvalidParameterAsync(
                        context,
                        "sku.capacity",
                        string.Create(CultureInfo.InvariantCulture, $"The value '{capacityNode.ToJsonString()}' of parameter sku.capacity is invalid: it must be a whole number from 0 to {MaxCapacity}.")).ConfigureAwait(false);
                    return;
                }

                capacity = (int)requested;
            }
        }

        var operation = scaleSet.SetCapacity(capacity ?? scaleSet.Capacity);
        var baseUri = $"{context.Request.Scheme}://{context.Request.Host}/";
        var apiVersion = context.Request.Query["api-version"].ToString();
        context.Response.Headers["Azure-AsyncOperation"] =
            $"{baseUri}subscriptions/{scaleSet.SubscriptionId}/providers/Microsoft.Compute/locations/{scaleSet.Model.Location}/operations/{operation.Id}?api-version={Uri.EscapeDataString(apiVersion)}";
        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, ScaleSetJson.ScaleSet(scaleSet, scaleSet.Snapshot())).ConfigureAwait(false);
    }

    private static Task InvalidParameterAsync(HttpContext context, string target, string message) =>
        WireFormat.WriteArmErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter", message, target);

    private static async Task ListVirtualMachinesAsync(HttpContext context, SimulatedScaleSet scaleSet)
    {
        var expand = context.Request.Query["$expand"].ToString();
        var withInstanceView = expand.Contains("instanceView", StringComparison.OrdinalIgnoreCase);
        var list = new JsonArray();
        foreach (var instance in scaleSet.Snapshot().Instances)
        {
            list.Add(ScaleSetJson.VirtualMachine(scaleSet, instance, withInstanceView));
        }

        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["value"] = list }).ConfigureAwait(false);
    }

    private static async Task VirtualMachineAsync(HttpContext context, SimulatedScaleSet scaleSet, string instanceId, bool instanceViewOnly)
    {
        var instance = scaleSet.Snapshot().Instances.FirstOrDefault(i => i.InstanceId == instanceId);
        if (instance is null)
        {
            await NotFoundAsync(context, $"{scaleSet.ResourceId}/virtualMachines/{instanceId}").ConfigureAwait(false);
            return;
        }

        var expand = context.Request.Query["$expand"].ToString().Contains("instanceView", StringComparison.OrdinalIgnoreCase);
        JsonNode body = instanceViewOnly
            ? ScaleSetJson.InstanceView(scaleSet, instance)
            : ScaleSetJson.VirtualMachine(scaleSet, instance, expand);
        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private async Task OperationAsync(HttpContext context, string operationId)
    {
        var operation = estate.GetOperation(operationId);
        if (operation is null)
        {
            await NotFoundAsync(context, context.Request.Path.Value ?? string.Empty).ConfigureAwait(false);
            return;
        }

        // A Location (monitor) URL answers 202 while the operation runs, as ARM's Location polling expects.
        var monitor = context.Request.Query["monitor"].ToString().Equals("true", StringComparison.OrdinalIgnoreCase);
        var status = monitor && operation.Status == OperationStatuses.InProgress ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;
        await WireFormat.WriteJsonAsync(context, status, ScaleSetJson.Operation(operation)).ConfigureAwait(false);
    }

    private async Task MetricsAsync(HttpContext context, string resourceId)
    {
        var endpoint = MetricEndpoint.Find(estate, resourceId);
        if (endpoint is null)
        {
            await NotFoundAsync(context, resourceId).ConfigureAwait(false);
            return;
        }

        var query = context.Request.Query;
        var now = estate.TimeProvider.GetUtcNow();
        if (!MetricsQuery.TryParseTimespan(query["timespan"].ToString(), now, out var start, out var end, out var error)
            || !TryParseQuery(context, start, end, endpoint, query["$filter"].ToString(), out var parsed, out var filter, out error))
        {
            await WireFormat.WriteMetricsErrorAsync(context, error).ConfigureAwait(false);
            return;
        }

        var values = endpoint.Values(parsed, filter, now - estate.MetricLatency);
        var body = new JsonObject
        {
            ["cost"] = MetricsJson.PointCount(values),
            ["timespan"] = $"{WireFormat.Seconds(start)}/{WireFormat.Seconds(end)}",
            ["interval"] = WireFormat.Duration(parsed.Interval),
            ["value"] = values,
            ["namespace"] = endpoint.Catalog.Namespace,
            ["resourceregion"] = endpoint.Location,
        };
        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }

    private async Task MetricsBatchAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var now = estate.TimeProvider.GetUtcNow();
        DateTimeOffset start, end;
        var startText = query["starttime"].ToString();
        var endText = query["endtime"].ToString();
        if (string.IsNullOrEmpty(startText) && string.IsNullOrEmpty(endText))
        {
            end = now;
            start = now - TimeSpan.FromHours(1);
        }
        else if (!MetricsQuery.TryParseTime(startText, out start) || !MetricsQuery.TryParseTime(endText, out end) || end <= start || end - start > MetricsQuery.MaxRange)
        {
            await WireFormat.WriteMetricsErrorAsync(context, $"Invalid starttime '{startText}' / endtime '{endText}': both must be ISO 8601 times, endtime after starttime, at most 93 days apart.").ConfigureAwait(false);
            return;
        }

        List<string> resourceIds = [];
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            if (body?["resourceids"] is JsonArray ids)
            {
                resourceIds.AddRange(ids.Select(i => i?.GetValueKind() == JsonValueKind.String ? i.GetValue<string>() : string.Empty));
            }
        }
        catch (JsonException)
        {
            resourceIds.Clear();
        }

        if (resourceIds.Count == 0 || resourceIds.Exists(string.IsNullOrWhiteSpace))
        {
            await WireFormat.WriteMetricsErrorAsync(context, "The request body must be {\"resourceids\":[\"<resource id>\", ...]} with at least one resource id string.").ConfigureAwait(false);
            return;
        }

        // The batch API names one namespace for all its resources; each must be of it.
        var values = new JsonArray();
        foreach (var resourceId in resourceIds)
        {
            var endpoint = MetricEndpoint.Find(estate, resourceId);
            if (endpoint is null)
            {
                await WireFormat.WriteMetricsErrorAsync(context, $"Resource '{resourceId}' was not found.").ConfigureAwait(false);
                return;
            }

            if (!TryParseQuery(context, start, end, endpoint, query["filter"].ToString(), out var parsed, out var filter, out var error))
            {
                await WireFormat.WriteMetricsErrorAsync(context, error).ConfigureAwait(false);
                return;
            }

            values.Add(new JsonObject
            {
                ["starttime"] = WireFormat.Precise(start),
                ["endtime"] = WireFormat.Precise(end),
                ["interval"] = WireFormat.Duration(parsed.Interval),
                ["value"] = endpoint.Values(parsed, filter, now - estate.MetricLatency),
                ["namespace"] = endpoint.Catalog.Namespace,
                ["resourceregion"] = endpoint.Location,
                ["resourceid"] = endpoint.ResourceId,
            });
        }

        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["values"] = values }).ConfigureAwait(false);
    }

    /// <summary>Parses what the single-resource and batch queries share against one resource's metrics; false with Azure Monitor's message when invalid.</summary>
    private static bool TryParseQuery(
        HttpContext context,
        DateTimeOffset start,
        DateTimeOffset end,
        MetricEndpoint endpoint,
        string filterText,
        [NotNullWhen(true)] out MetricsQuery? parsed,
        out MetricFilter? filter,
        [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        filter = null;
        var query = context.Request.Query;
        var catalog = endpoint.Catalog;
        var metricNamespace = query["metricnamespace"].ToString();
        if (!string.IsNullOrEmpty(metricNamespace) && !metricNamespace.Equals(catalog.Namespace, StringComparison.OrdinalIgnoreCase))
        {
            error = $"Metric namespace '{metricNamespace}' is not served; the simulator serves {catalog.Namespace} for resource '{endpoint.ResourceId}'.";
            return false;
        }

        if (!MetricsQuery.TryParseInterval(query["interval"].ToString(), start, end, out var interval, out error)
            || !MetricsQuery.TryParseAggregations(query["aggregation"].ToString(), out var aggregations, out error))
        {
            return false;
        }

        var requested = query["metricnames"].ToString();
        if (string.IsNullOrWhiteSpace(requested) && catalog.Metrics.Count == 0)
        {
            error = $"No metric names were given and '{endpoint.ResourceId}' has no metrics yet; name them in metricnames.";
            return false;
        }

        var names = new List<string>();
        foreach (var name in string.IsNullOrWhiteSpace(requested) ? [catalog.Metrics[0].Name] : requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Azure Monitor's convention: a comma inside one metric name is sent as %2.
            var canonical = catalog.Canonical(name.Replace("%2", ",", StringComparison.Ordinal));
            if (canonical is null)
            {
                error = catalog.UnknownMetricMessage(name);
                return false;
            }

            names.Add(canonical);
        }

        if (!string.IsNullOrWhiteSpace(filterText))
        {
            if (!MetricFilter.TryParse(filterText, out filter, out error))
            {
                return false;
            }

            if (endpoint.DimensionError(names, filter) is { } unsupported)
            {
                error = unsupported;
                return false;
            }
        }

        parsed = new MetricsQuery(names, start, end, interval, aggregations);
        error = null;
        return true;
    }

    internal static async Task RequireMethod(HttpContext context, string method, Func<Task> handler)
    {
        if (string.Equals(context.Request.Method, method, StringComparison.OrdinalIgnoreCase))
        {
            await handler().ConfigureAwait(false);
        }
        else
        {
            await MethodNotAllowedAsync(context).ConfigureAwait(false);
        }
    }

    internal static Task MethodNotAllowedAsync(HttpContext context) =>
        WireFormat.WriteArmErrorAsync(
            context,
            StatusCodes.Status405MethodNotAllowed,
            "MethodNotAllowed",
            $"The method '{context.Request.Method}' is not allowed on '{context.Request.Path}'.");

    internal static Task NotFoundAsync(HttpContext context, string resource) =>
        WireFormat.WriteArmErrorAsync(
            context,
            StatusCodes.Status404NotFound,
            "ResourceNotFound",
            $"The Resource '{resource}' was not found.");
}
