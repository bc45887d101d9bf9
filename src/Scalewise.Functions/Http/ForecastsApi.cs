using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Scalewise.Core.Serialization;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Evaluation;

namespace Scalewise.Functions.Http;

/// <summary><c>GET /api/targets/{target}/forecast</c>: the target's stored demand forecast and its accuracy (needs a function key).</summary>
public sealed class ForecastsApi(TargetForecastQuery forecasts)
{
    [Function(nameof(GetTargetForecast))]
    public async Task<HttpResponseData> GetTargetForecast(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "targets/{target}/forecast")] HttpRequestData request,
        string target,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (forecast, problem) = await forecasts.GetAsync(target, context.CancellationToken).ConfigureAwait(false);
        var response = request.CreateResponse(forecast is null ? (HttpStatusCode)problem!.Status : HttpStatusCode.OK);
        response.Headers.Add("Content-Type", forecast is null ? ApiProblem.ContentType : "application/json");
        await response.WriteStringAsync(forecast is null ? JsonSerializer.Serialize(problem, ScalewiseJson.Options) : JsonSerializer.Serialize(forecast, ScalewiseJson.Options)).ConfigureAwait(false);
        return response;
    }
}
