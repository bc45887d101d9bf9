namespace Scalewise.Cli.Scenarios;

/// <summary>One phase of a load test: <see cref="ArrivalsPerSecond"/> for <see cref="Duration"/> (virtual time).</summary>
public sealed record ScenarioPhase(string Name, TimeSpan Duration, double ArrivalsPerSecond);
