using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Scalewise.Core.Serialization;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Cli.Local;

/// <summary>
/// The HTTP API of the local runner: the same handlers as the Functions app's HTTP functions, on loopback and
/// without function keys, plus a status endpoint in place of the Durable extension's webhooks.
/// </summary>
public static class LocalApi
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/targets/{target}/scale", RequestScaleAsync);
        app.MapGet("/api/targets/{target}/history", GetHistoryAsync);
        app.MapGet("/api/targets/{target}/forecast", GetForecastAsync);
        app.MapGet("/api/targets/{target}/capacity-reports", GetCapacityReportsAsync);
        app.MapGet("/api/procedures/{instanceId}", GetProcedureAsync);
        LocalPolicyApi.Map(app);
        app.MapPost("/api/procedures/{instanceId}/approve", (string instanceId, HttpRequest request, ApprovalRequests approvals, DurableTaskClient client, CancellationToken cancellationToken) => AnswerAsync(instanceId, approved: true, request, approvals, client, cancellationToken));
        app.MapPost("/api/procedures/{instanceId}/reject", (string instanceId, HttpRequest request, ApprovalRequests approvals, DurableTaskClient client, CancellationToken cancellationToken) => AnswerAsync(instanceId, approved: false, request, approvals, client, cancellationToken));
    }

    private static async Task<IResult> RequestScaleAsync(string target, HttpRequest request, ManualScaleRequests requests, DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var outcome = await requests.RequestAsync(client, target, body, caller: "local", cancellationToken).ConfigureAwait(false);
        var statusUri = $"{request.Scheme}://{request.Host}/api/procedures/{outcome.InstanceId}";
        if (outcome.Started)
        {
            return Results.Json(new { id = outcome.InstanceId, statusQueryGetUri = statusUri }, ScalewiseJson.Options, statusCode: StatusCodes.Status202Accepted);
        }

        if (outcome.Conflict)
        {
            var conflict = new ProcedureConflict($"A procedure is already running for '{target}'; follow its status link, or retry when it has ended.", outcome.InstanceId!, statusUri, statusUri);
            return Results.Json(conflict, ScalewiseJson.Options, statusCode: StatusCodes.Status409Conflict);
        }

        return Problem(outcome.Problem!);
    }

    private static async Task<IResult> AnswerAsync(string instanceId, bool approved, HttpRequest request, ApprovalRequests approvals, DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        var problem = await approvals.AnswerAsync(client, instanceId, approved, body, cancellationToken).ConfigureAwait(false);
        return problem is null
            ? Results.Json(new { id = instanceId, statusQueryGetUri = $"{request.Scheme}://{request.Host}/api/procedures/{instanceId}" }, ScalewiseJson.Options, statusCode: StatusCodes.Status202Accepted)
            : Problem(problem);
    }

    private static async Task<IResult> GetHistoryAsync(string target, TargetHistoryQuery history, CancellationToken cancellationToken)
    {
        var found = await history.GetAsync(target, TargetHistoryQuery.DefaultLimit, cancellationToken).ConfigureAwait(false);
        return found is null
            ? Problem(ApiProblem.NotFound("target", $"No policy names the target '{target}'."))
            : Results.Json(found, ScalewiseJson.Options);
    }

    private static async Task<IResult> GetForecastAsync(string target, Scalewise.Orchestrations.Evaluation.TargetForecastQuery forecasts, CancellationToken cancellationToken)
    {
        var (found, problem) = await forecasts.GetAsync(target, cancellationToken).ConfigureAwait(false);
        return found is null ? Problem(problem!) : Results.Json(found, ScalewiseJson.Options);
    }

    private static async Task<IResult> GetCapacityReportsAsync(string target, HttpRequest request, CapacityReportQuery reports, CancellationToken cancellationToken)
    {
        var (found, problem) = await reports.GetAsync(target, request.Query["limit"].FirstOrDefault(), cancellationToken).ConfigureAwait(false);
        return found is null ? Problem(problem!) : Results.Json(found, ScalewiseJson.Options);
    }

    private static async Task<IResult> GetProcedureAsync(string instanceId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return Problem(ApiProblem.NotFound("instanceId", $"No procedure has the instance id '{instanceId}'."));
        }

        return Results.Json(
            new
            {
                instanceId = instance.InstanceId,
                name = instance.Name,
                runtimeStatus = instance.RuntimeStatus.ToString(),
                createdTime = instance.CreatedAt,
                lastUpdatedTime = instance.LastUpdatedAt,
                customStatus = Parse(instance.SerializedCustomStatus),
                output = Parse(instance.SerializedOutput),
            },
            ScalewiseJson.Options);
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    private static IResult Problem(ApiProblem problem) =>
        Results.Json(problem, ScalewiseJson.Options, contentType: ApiProblem.ContentType, statusCode: problem.Status);
}
