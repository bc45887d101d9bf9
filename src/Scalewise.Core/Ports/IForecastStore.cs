using Scalewise.Core.Forecasting;

namespace Scalewise.Core.Ports;

/// <summary>Each target's latest demand forecast and its backtested accuracy.</summary>
public interface IForecastStore
{
    /// <summary>Stores the forecast for <paramref name="policyId"/>, replacing the one before.</summary>
    Task SaveAsync(string policyId, DemandForecast forecast, CancellationToken cancellationToken);

    /// <summary>The latest forecast for <paramref name="policyId"/>; null when none was made.</summary>
    Task<DemandForecast?> GetAsync(string policyId, CancellationToken cancellationToken);
}
