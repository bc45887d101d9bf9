namespace Scalewise.Core.Forecasting;

/// <summary>A target's demand for the coming hours, the method that made it, its backtested accuracy (null when not measured) and why that method.</summary>
public sealed record DemandForecast(
    string Method,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ForecastPoint> Points,
    ForecastAccuracy? Accuracy,
    string Reason);
