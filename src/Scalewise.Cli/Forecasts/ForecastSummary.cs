namespace Scalewise.Cli.Forecasts;

/// <summary>What <c>scalewise forecast --json</c> writes.</summary>
public sealed record ForecastSummary(string Trace, int HorizonHours, int Origins, string Chosen, IReadOnlyList<ForecastMethodSummary> Methods);
