using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Cli.Local;

/// <summary>
/// The HTTP API of the local runner: every route of <see cref="ScalewiseApi.Routes"/>, as the Functions app serves them but on
/// loopback and without function keys, plus a status endpoint in place of the Durable extension's webhooks. The host
/// registers <see cref="LocalApiHost"/> as the <see cref="IApiHost"/>.
/// </summary>
public static class LocalApi
{
    public const string ProcedureStatus = "procedures/{instanceId}";

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");
        foreach (var route in ScalewiseApi.Routes)
        {
            api.MapMethods(route.Template, [route.Method], route.Handler).WithName(route.Name);
        }

        api.MapGet(ProcedureStatus, GetProcedureAsync).WithName(nameof(GetProcedureAsync));
    }

    private static Task<IResult> GetProcedureAsync([FromRoute] string instanceId, HttpRequest request, [FromServices] DurableTaskClient client, CancellationToken cancellationToken) =>
        ApiGuard.RunAsync(request, async () =>
        {
            var instance = RouteIds.IsInstanceId(instanceId)
                ? await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false)
                : null;
            if (instance is null)
            {
                return ApiResponse.Problem(ApiProblem.NotFound("instanceId", $"No procedure has the instance id '{instanceId}'."));
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
        }, cancellationToken);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
