namespace Scalewise.Cli.Local;

/// <summary>One procedure step in the run summary.</summary>
public sealed record StepSummary(string Name, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Result);
