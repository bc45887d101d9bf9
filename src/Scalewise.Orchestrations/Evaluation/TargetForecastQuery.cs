using Scalewise.Orchestrations.Api;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>Answers <c>GET /api/targets/{target}/forecast</c> for every host: the stored forecast, or a 404 problem saying why there is none.</summary>
public sealed class TargetForecastQuery(IPolicyStore policies, IForecastStore forecasts)
{
    public async Task<(TargetForecast? Forecast, ApiProblem? Problem)> GetAsync(string target, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (await policies.GetAsync(target, cancellationToken).ConfigureAwait(false) is null)
        {
            return (null, ApiProblem.NotFound("target", $"No policy names the target '{target}'."));
        }

        return await forecasts.GetAsync(target, cancellationToken).ConfigureAwait(false) is { } forecast
            ? (new TargetForecast(target, forecast), null)
            : (null, ApiProblem.NotFound("target", $"No forecast has been made for '{target}' yet; its policy needs \"predictive\" settings, and ForecastDemand runs hourly."));
    }
}
