using Microsoft.AspNetCore.Http;

namespace Scalewise.Simulator.Wire;

/// <summary>
/// Answers a long-running operation in one <see cref="LongRunningForm"/>, and its <c>Location</c> URL as ARM's asynchronous
/// pattern has it: 202 (with <c>Location</c> and <c>Retry-After</c>) while running, 204 once succeeded, the error once failed.
/// </summary>
internal static class LongRunningAnswers
{
    /// <summary>The query a status URL carries when it was handed out as a <c>Location</c> (not an <c>Azure-AsyncOperation</c>).</summary>
    private const string LocationQuery = "monitor=true";

    public static bool IsLocation(HttpContext context) =>
        context.Request.Query["monitor"].ToString().Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The answer to the request that started <paramref name="operation"/>; <paramref name="statusUrl"/> is its Azure-AsyncOperation URL.</summary>
    public static Task AcceptedAsync(HttpContext context, LongRunningForm form, string statusUrl, OperationSnapshot operation)
    {
        switch (form)
        {
            case LongRunningForm.Synchronous200 or LongRunningForm.Synchronous204 when operation.Status == ProvisioningStates.Failed:
                return WireFormat.WriteArmErrorAsync(context, StatusCodes.Status400BadRequest, operation.ErrorCode ?? "OperationFailed", operation.ErrorMessage ?? "The operation failed.");
            case LongRunningForm.Synchronous200:
                context.Response.StatusCode = StatusCodes.Status200OK;
                break;
            case LongRunningForm.Synchronous204:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case LongRunningForm.AzureAsyncOperation:
                context.Response.Headers["Azure-AsyncOperation"] = statusUrl;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                break;
            case LongRunningForm.AcceptedWithBoth:
                context.Response.Headers["Azure-AsyncOperation"] = statusUrl;
                context.Response.Headers.Location = statusUrl + "&" + LocationQuery;
                context.Response.Headers.RetryAfter = "10";
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                break;
            default:
                context.Response.Headers.Location = statusUrl + "&" + LocationQuery;
                context.Response.Headers.RetryAfter = "10";
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                break;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The answer to a request that started a change of a resource in <paramref name="form"/>: the 200 forms carry
    /// <paramref name="resource"/> (still changing; with <see cref="LongRunningForm.OkWithAzureAsyncOperation"/> also the status
    /// URL), the 202 forms only their headers, the synchronous ones what is there once the change is done.
    /// </summary>
    public static Task StartedAsync(HttpContext context, LongRunningForm form, string statusUrl, OperationSnapshot operation, JsonNode? resource)
    {
        switch (form)
        {
            case LongRunningForm.OkWithAzureAsyncOperation:
                context.Response.Headers["Azure-AsyncOperation"] = statusUrl;
                return WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, resource ?? new JsonObject());
            case LongRunningForm.OkWhileRunning:
                return WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, resource ?? new JsonObject());
            case LongRunningForm.Synchronous200 when operation.Status != ProvisioningStates.Failed && resource is not null:
                return WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, resource);
            default:
                return AcceptedAsync(context, form, statusUrl, operation);
        }
    }

    /// <summary>
    /// What a Location URL answers for <paramref name="operation"/> now; once succeeded, <paramref name="result"/> (the resource a PUT
    /// or PATCH changed, as ARM's Location pattern hands it back) or nothing.
    /// </summary>
    public static Task LocationAsync(HttpContext context, OperationSnapshot operation, JsonNode? result = null)
    {
        if (operation.Status == ProvisioningStates.InProgress)
        {
            context.Response.Headers.Location = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}";
            context.Response.Headers.RetryAfter = "10";
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return Task.CompletedTask;
        }

        if (operation.Status == ProvisioningStates.Succeeded && result is not null)
        {
            return WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, result);
        }

        if (operation.Status == ProvisioningStates.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        return WireFormat.WriteArmErrorAsync(context, StatusCodes.Status400BadRequest, operation.ErrorCode ?? "OperationFailed", operation.ErrorMessage ?? $"The operation ended {operation.Status}.");
    }
}
