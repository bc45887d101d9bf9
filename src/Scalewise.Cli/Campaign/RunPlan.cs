using Scalewise.Cli.Scenarios;

namespace Scalewise.Cli.Campaign;

/// <summary>What one campaign run replays, drawn from its seed alone: a policy, a scale set, a load and a fault plan.</summary>
public sealed record RunPlan(
    int Seed,
    string PolicySource,
    ScalingPolicy Policy,
    int InitialCapacity,
    TimeSpan ProvisioningDelay,
    IReadOnlyList<ScenarioPhase> Load,
    IReadOnlyList<PlannedFault> Faults)
{
    /// <summary>Requests per second one instance serves at 100 % CPU.</summary>
    public const double RequestsPerSecondPerInstance = 25;

    public TimeSpan Duration => Load.Aggregate(TimeSpan.Zero, (total, phase) => total + phase.Duration);
}
