
using Scalewise.Simulator.Load;

namespace Scalewise.Cli.Scenarios;

/// <summary>
/// A scenario's load phases laid out from a start time; after the last phase the load is the last phase's; before the start,
/// the load before it when given (the history a forecaster reads), else the first phase's.
/// </summary>
public sealed class ScenarioLoad(DateTimeOffset start, IReadOnlyList<ScenarioPhase> phases) : ILoadProfile
{
    private readonly ILoadProfile? before;

    public ScenarioLoad(DateTimeOffset start, IReadOnlyList<ScenarioPhase> phases, ILoadProfile? before)
        : this(start, phases)
    {
        this.before = before;
    }

    public double RequestsPerSecondAt(DateTimeOffset time) =>
        time < start && before is not null ? before.RequestsPerSecondAt(time) : PhaseAt(time)?.ArrivalsPerSecond ?? phases[^1].ArrivalsPerSecond;

    /// <summary>When each phase begins.</summary>
    public IEnumerable<(ScenarioPhase Phase, DateTimeOffset StartsAt)> Schedule()
    {
        var phaseStart = start;
        foreach (var phase in phases)
        {
            yield return (phase, phaseStart);
            phaseStart += phase.Duration;
        }
    }

    public ScenarioPhase? PhaseAt(DateTimeOffset time)
    {
        var phaseStart = start;
        foreach (var phase in phases)
        {
            if (time < phaseStart + phase.Duration)
            {
                return time >= phaseStart ? phase : phases[0];
            }

            phaseStart += phase.Duration;
        }

        return null;
    }
}
