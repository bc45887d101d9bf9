using System.Text.Json.Serialization;

namespace Scalewise.Cli.Forecasts;

/// <summary>One method's backtested accuracy in the summary; MASE and sMAPE are null when undefined.</summary>
public sealed record ForecastMethodSummary(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Mase,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Smape);
