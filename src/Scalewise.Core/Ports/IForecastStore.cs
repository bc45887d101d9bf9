using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Ports;

/// <summary>Each target's latest demand forecast and its backtested accuracy.</summary>
public interface IForecastStore
{
    /// <summary>Stores the forecast for <paramref name="policyId"/>, replacing the one before.</summary>
    Task SaveAsync(string policyId, DemandForecast forecast, CancellationToken cancellationToken);

    /// <summary>The latest forecast for <paramref name="policyId"/>; null when none was made.</summary>
    Task<DemandForecast?> GetAsync(string policyId, CancellationToken cancellationToken);

    /// <summary>
    /// The latest forecasts of many targets at once (the tick's read), keyed by policy id; ids without a forecast are left out. A
    /// store that can read a range in one query overrides this; the default reads one by one.
    /// </summary>
    async Task<IReadOnlyDictionary<string, DemandForecast>> GetManyAsync(IReadOnlyCollection<string> policyIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyIds);
        var forecasts = new Dictionary<string, DemandForecast>(StringComparer.Ordinal);
        foreach (var id in policyIds)
        {
            if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is { } forecast)
            {
                forecasts[id] = forecast;
            }
        }

        return forecasts;
    }
}
