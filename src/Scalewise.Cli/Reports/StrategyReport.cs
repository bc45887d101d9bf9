using System.Text.Json.Serialization;
using Scalewise.Backtest.Strategies;

namespace Scalewise.Cli.Reports;

/// <summary>One strategy's line in report.json.</summary>
public sealed record StrategyReport(
    string Name,
    int SloViolationMinutes,
    long InstanceMinutes,
    double Cost,
    double ThetaU,
    double ThetaO,
    double TauU,
    double TauO,
    double Jitter,
    double Instability,
    int ScalingActions,
    double? CostRelativeToOracle,
    string Chart)
{
    /// <summary>How the forecasts the strategy scaled on did; only for a policy with a predictive part.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StrategyForecastReport? Forecast { get; init; }

    public static StrategyReport From(StrategyResult result, double? oracleCost)
    {
        ArgumentNullException.ThrowIfNull(result);
        var e = result.Elasticity;
        return new StrategyReport(
            result.Name,
            result.SloViolationMinutes,
            result.InstanceMinutes,
            Math.Round(result.Cost, 2),
            Round(e.ThetaU),
            Round(e.ThetaO),
            Round(e.TauU),
            Round(e.TauO),
            Round(e.Jitter),
            Round(e.Instability),
            result.ScalingActions,
            oracleCost is > 0 ? Round(result.Cost / oracleCost.Value) : null,
            $"charts/{result.Name}.svg")
        {
            Forecast = result.ForecastAccuracy is { } accuracy ? StrategyForecastReport.From(accuracy) : null,
        };
    }

    private static double Round(double value) => Math.Round(value, 4);
}
