using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
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
        return await JsonResponses.WriteFoundAsync(request, forecast, problem).ConfigureAwait(false);
    }
}
