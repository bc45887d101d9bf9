namespace Scalewise.Cli.Local;

/// <summary>One load phase of a run, with the simulated time it began.</summary>
public sealed record PhaseSummary(string Name, DateTimeOffset StartsAt, TimeSpan Duration, double ArrivalsPerSecond);
