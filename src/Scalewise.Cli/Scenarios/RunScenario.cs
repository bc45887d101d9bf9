namespace Scalewise.Cli.Scenarios;

/// <summary>
/// What <c>scalewise run</c> replays: a policy (its JSON text), the simulated scale set it sizes, and load phases.
/// </summary>
public sealed record RunScenario(
    string Name,
    string Description,
    string PolicyJson,
    int InitialCapacity,
    double RequestsPerSecondPerInstance,
    TimeSpan ProvisioningDelay,
    IReadOnlyList<ScenarioPhase> Phases)
{
    public TimeSpan Duration => Phases.Aggregate(TimeSpan.Zero, (total, phase) => total + phase.Duration);
}
