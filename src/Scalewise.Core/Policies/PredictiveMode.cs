namespace Scalewise.Core.Policies;

/// <summary>What a policy does with its demand forecast.</summary>
public enum PredictiveMode
{
    /// <summary>Forecast and store, never scale on it (compare it with what happened first).</summary>
    ForecastOnly,

    /// <summary>Forecast and raise capacity ahead of the forecast demand.</summary>
    ForecastAndScale,
}
