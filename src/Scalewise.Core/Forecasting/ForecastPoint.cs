namespace Scalewise.Core.Forecasting;

/// <summary>The demand forecast for the hour starting at <see cref="Hour"/>.</summary>
public sealed record ForecastPoint(DateTimeOffset Hour, double Demand);
