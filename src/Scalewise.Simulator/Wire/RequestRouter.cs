using Microsoft.AspNetCore.Http;
using Scalewise.Simulator.Contracts;
using Scalewise.Simulator.Faults;
using Scalewise.Simulator.Hosting;

namespace Scalewise.Simulator.Wire;

/// <summary>Serves the ARM and Azure Monitor requests Scalewise makes, against an <see cref="Estate"/>.</summary>
internal sealed class RequestRouter(Estate estate, ILogger logger)
{
    private readonly ResourceRoutes resources = new(estate);

    private readonly SnapshotRoutes snapshots = new(estate);
    private readonly MetricRoutes metrics = new(estate);
    private readonly ResourceGroupListRoutes lists = new(estate);

    private const string MetricsSuffix = "/providers/Microsoft.Insights/metrics";

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        if (estate.Traffic.Latency > TimeSpan.Zero)
        {
            await Task.Delay(estate.Traffic.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (estate.Traffic.Admit(context.Request.Method, context.Request.Path.Value ?? "/") is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", $"Number of requests for subscription exceeded the limit; retry after {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} seconds.").ConfigureAwait(false);
        }
        else
        {
            await RouteAsync(context).ConfigureAwait(false);
        }

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

        if (await RequestContract.Served.CheckAsync(context).ConfigureAwait(false) is { } violation)
        {
            await WriteErrorAsync(context, violation.Status, violation.Code, violation.Message, violation.Target).ConfigureAwait(false);
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
                await WriteErrorAsync(context, StatusCodes.Status409Conflict, fault.ConflictCode, fault.ConflictMessage ?? $"Another operation is in progress on '{fault.ResourceId}'. Retry after it completes.").ConfigureAwait(false);
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
            case FaultKind.LateMetrics or FaultKind.MetricGap:
                context.Items[MetricRoutes.MetricFaultItem] = fault;
                return false;
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
            await RequireMethod(context, HttpMethods.Get, () => metrics.MetricsAsync(context, path[..^MetricsSuffix.Length])).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 3 && Is(segments[0], "subscriptions") && Is(segments[2], "metrics:getBatch"))
        {
            await RequireMethod(context, HttpMethods.Post, () => metrics.MetricsBatchAsync(context)).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 8 && Is(segments[0], "subscriptions") && Is(segments[2], "providers")
            && Is(segments[3], "Microsoft.Compute") && Is(segments[4], "locations") && Is(segments[6], "operations"))
        {
            await RequireMethod(context, HttpMethods.Get, () => OperationAsync(context, segments[7])).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 8 && Is(segments[0], "subscriptions") && Is(segments[2], "providers")
            && Is(segments[3], "Microsoft.Cache") && Is(segments[4], "locations") && (Is(segments[6], "asyncOperations") || Is(segments[6], "operationsStatus")))
        {
            await RequireMethod(context, HttpMethods.Get, () => resources.CacheOperationAsync(context, segments[1], segments[5], segments[7])).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 5 && Is(segments[0], "subscriptions") && Is(segments[2], "providers") && Is(segments[3], "Microsoft.Cache") && Is(segments[4], "redis"))
        {
            await RequireMethod(context, HttpMethods.Get, () => resources.RedisCacheListAsync(context, segments[1])).ConfigureAwait(false);
            return;
        }

        if (segments.Length == 7 && Is(segments[0], "subscriptions") && Is(segments[2], "resourceGroups") && Is(segments[4], "providers")
            && Is(segments[5], "Microsoft.Compute") && Is(segments[6], "snapshots"))
        {
            await RequireMethod(context, HttpMethods.Get, () => snapshots.SnapshotListAsync(context, segments[1], segments[3])).ConfigureAwait(false);
            return;
        }

        if (await lists.TryListAsync(context, segments).ConfigureAwait(false))
        {
            return;
        }

        if (segments.Length >= 8)
        {
            var resourceId = string.Join('/', segments.Take(8));
            var rest = segments[8..];
            if (estate.TryGetScaleSet(resourceId, out var scaleSet))
            {
                await ScaleSetRoutes.ScaleSetAsync(context, estate, scaleSet, rest).ConfigureAwait(false);
                return;
            }

            if (estate.TryGetRedisCache(resourceId, out var cache))
            {
                await resources.RedisCacheAsync(context, cache, rest).ConfigureAwait(false);
                return;
            }

            if (estate.TryGetRedisEnterprise(resourceId, out var cluster))
            {
                await resources.RedisEnterpriseAsync(context, cluster, rest).ConfigureAwait(false);
                return;
            }

            if (estate.TryGetVirtualMachine(resourceId, out var vm))
            {
                await resources.VirtualMachineAsync(context, vm, rest).ConfigureAwait(false);
                return;
            }

            if (estate.TryGetFlexInstance(resourceId, out var flexScaleSet, out var instanceId))
            {
                await ScaleSetRoutes.FlexVirtualMachineAsync(context, flexScaleSet, instanceId, rest).ConfigureAwait(false);
                return;
            }

            if (rest.Length == 0 && ArmResourceId.TryParse(resourceId, "Microsoft.Compute", "snapshots", out var snapshotId))
            {
                await snapshots.SnapshotAsync(context, snapshotId).ConfigureAwait(false);
                return;
            }
        }

        await NotFoundAsync(context, path).ConfigureAwait(false);
    }

    private async Task OperationAsync(HttpContext context, string operationId)
    {
        var operation = estate.GetOperation(operationId);
        if (operation is null)
        {
            await NotFoundAsync(context, context.Request.Path.Value ?? string.Empty).ConfigureAwait(false);
            return;
        }

        // A Location (monitor) URL answers 202 while the operation runs, as ARM's Location polling expects, and the error once it failed.
        var monitor = context.Request.Query["monitor"].ToString().Equals("true", StringComparison.OrdinalIgnoreCase);
        if (monitor && (operation.Status is ProvisioningStates.Failed or ProvisioningStates.Canceled || estate.OperationResult(operationId) is not null))
        {
            await LongRunningAnswers.LocationAsync(context, operation, estate.OperationResult(operationId)).ConfigureAwait(false);
            return;
        }

        var status = monitor && operation.Status == ProvisioningStates.InProgress ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;
        await WireFormat.WriteJsonAsync(context, status, ScaleSetJson.Operation(operation)).ConfigureAwait(false);
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
