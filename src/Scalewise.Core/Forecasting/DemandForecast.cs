namespace Scalewise.Core.Forecasting;

/// <summary>A target's demand for the coming hours, the method that made it, its backtested accuracy (null when not measured) and why that method.</summary>
public sealed record DemandForecast(
    string Method,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ForecastPoint> Points,
    ForecastAccuracy? Accuracy,
    string Reason)
{
    /// <summary>
    /// The observed demand of the hours before <see cref="GeneratedAt"/> the forecast was made from (the last two days, hours
    /// with data only), kept with it so that a reader can put the forecast against what happened; null in forecasts stored before.
    /// </summary>
    public IReadOnlyList<ForecastPoint>? Observed { get; init; }
}
