using Scalewise.Simulator;

namespace Scalewise.Cli.Scenarios;

/// <summary>A scenario's load phases laid out from a start time; after the last phase the load is the last phase's.</summary>
public sealed class ScenarioLoad(DateTimeOffset start, IReadOnlyList<ScenarioPhase> phases) : ILoadProfile
{
    public double RequestsPerSecondAt(DateTimeOffset time) => PhaseAt(time)?.ArrivalsPerSecond ?? phases[^1].ArrivalsPerSecond;

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
