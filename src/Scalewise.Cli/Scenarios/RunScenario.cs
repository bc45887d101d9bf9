using Scalewise.Core.Targets;
using Scalewise.Simulator.Load;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Cli.Scenarios;

/// <summary>
/// What <c>scalewise run</c> replays: a policy (its JSON text), the simulated target it sizes, and load phases.
/// </summary>
/// <remarks>
/// A scale set starts at <see cref="InitialCapacity"/> and takes <see cref="ProvisioningDelay"/> to add instances. A VM or a
/// Redis cache (<see cref="TargetKind"/>) starts at <see cref="InitialSku"/>, and <see cref="ProvisioningDelay"/> is how long a
/// resize (VM) or a scale per shard (cache) takes; its load is requests per second (VM) or operations per second (cache).
/// </remarks>
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

    /// <summary>The kind of resource the simulator holds for the policy; it must be the policy's target kind.</summary>
    public TargetKind TargetKind { get; init; } = TargetKind.VirtualMachineScaleSet;

    /// <summary>The SKU a vertical target starts at: a VM size ("Standard_D2s_v3") or a Redis "Tier_Size" ("Standard_C1").</summary>
    public string? InitialSku { get; init; }

    /// <summary>Changes the scenario makes to its policy before it is stored (for example an approval threshold).</summary>
    public Func<ScalingPolicy, ScalingPolicy>? ConfigurePolicy { get; init; }

    /// <summary>What the scenario does to the simulated scale set before the load starts (for example a fault).</summary>
    public Action<SimulatedScaleSet>? PrepareTarget { get; init; }

    /// <summary>What the scenario does while it runs, as a person would (for example answer an approval over HTTP).</summary>
    public Func<ScenarioRun, CancellationToken, Task>? DuringRun { get; init; }

    /// <summary>
    /// The simulated time the run starts at (a whole minute). When set, the clock is held there until the runner is ready,
    /// and the phases, the minute ticks and the emergency checks are laid out from it exactly, so a scenario can place its
    /// schedule windows, its daily peak or its spike on known minutes. Unset: the current minute, phases from the first reading.
    /// </summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary>The load before the run starts: the metric history Azure Monitor serves (for example weeks of a daily pattern). Unset: the first phase's rate.</summary>
    public ILoadProfile? LoadBeforeStart { get; init; }

    /// <summary>Azure Monitor's ingestion latency in the simulator (a metric minute is served this long after it ends). Unset: none.</summary>
    public TimeSpan? MetricLatency { get; init; }
}
