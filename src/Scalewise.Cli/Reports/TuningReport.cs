using Scalewise.Backtest.Tuning;

namespace Scalewise.Cli.Reports;

/// <summary>
/// report.json's <c>"tuning"</c> from <c>scalewise tune</c>: the part of the trace tuned on and the part reported on
/// (the report's strategies and frontiers are measured on the latter only), the budget, and each move with its figures.
/// </summary>
public sealed record TuningReport(
    DateTimeOffset TunedFrom,
    int TunedMinutes,
    DateTimeOffset ReportedFrom,
    int ReportedMinutes,
    int ViolationBudget,
    long OriginalInstanceMinutes,
    int OriginalSloViolationMinutes,
    long TunedInstanceMinutes,
    int TunedSloViolationMinutes,
    int Replays,
    IReadOnlyList<TuningStep> Steps);
