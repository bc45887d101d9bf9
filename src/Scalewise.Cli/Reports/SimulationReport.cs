using System.Text.Json.Serialization;
using Scalewise.Backtest;
using Scalewise.Backtest.Frontiers;

namespace Scalewise.Cli.Reports;

/// <summary>report.json: what was replayed, the target model, and every strategy's figures.</summary>
public sealed record SimulationReport(
    string Trace,
    string Policy,
    DateTimeOffset Start,
    int Minutes,
    int MissingMinutes,
    TargetModel Model,
    IReadOnlyList<StrategyReport> Strategies)
{
    /// <summary>The policy figures <c>--calibrate</c> changed to fit the simulated target; absent without it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Calibration { get; init; }

    /// <summary>Every baseline across its main knob (<c>--sweep</c>); absent without it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Frontier>? Frontiers { get; init; }

    /// <summary>The policy against the best baseline at the policy's own cost (<c>--sweep</c>); absent without it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SameCostComparison? SameCost { get; init; }

    /// <summary>What <c>scalewise tune</c> changed and where it tuned; absent from <c>simulate</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TuningReport? Tuning { get; init; }

    public static SimulationReport From(string trace, string policy, BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var oracle = result.Strategies.FirstOrDefault(s => s.Name == "oracle")?.Cost;
        return new SimulationReport(
            trace,
            policy,
            result.Start,
            result.Minutes,
            result.MissingMinutes,
            result.Model,
            result.Strategies.Select(s => StrategyReport.From(s, oracle)).ToList());
    }
}
