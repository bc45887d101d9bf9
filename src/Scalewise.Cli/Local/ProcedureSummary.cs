namespace Scalewise.Cli.Local;

/// <summary>One procedure in the run summary.</summary>
public sealed record ProcedureSummary(string InstanceId, string Target, string Kind, int From, int To, string Outcome, IReadOnlyList<StepSummary> Steps);
