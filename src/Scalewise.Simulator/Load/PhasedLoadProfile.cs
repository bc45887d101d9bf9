namespace Scalewise.Simulator.Load;

/// <summary>
/// Load in consecutive phases starting at <see cref="Start"/>. Before the start the load is 0;
/// after the last phase the last phase's rate holds for ever (a ramp that ends stays at its plateau).
/// </summary>
public sealed class PhasedLoadProfile : ILoadProfile
{
    private readonly LoadPhase[] phases;

    public PhasedLoadProfile(DateTimeOffset start, IEnumerable<LoadPhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        this.phases = [.. phases];
        if (this.phases.Length == 0)
        {
            throw new ArgumentException("A phased load profile needs at least one phase.", nameof(phases));
        }

        for (var i = 0; i < this.phases.Length; i++)
        {
            var phase = this.phases[i] ?? throw new ArgumentException($"Phase {i} is null.", nameof(phases));
            if (phase.Duration <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Phase {i} has duration {phase.Duration}; a phase must last longer than zero.", nameof(phases));
            }

            if (phase.RequestsPerSecond < 0 || !double.IsFinite(phase.RequestsPerSecond))
            {
                throw new ArgumentException($"Phase {i} has arrival rate {phase.RequestsPerSecond}; a rate must be a finite number >= 0.", nameof(phases));
            }
        }

        Start = start;
    }

    public PhasedLoadProfile(DateTimeOffset start, params LoadPhase[] phases)
        : this(start, (IEnumerable<LoadPhase>)phases)
    {
    }

    public DateTimeOffset Start { get; }

    public IReadOnlyList<LoadPhase> Phases => phases;

    public double RequestsPerSecondAt(DateTimeOffset time)
    {
        if (time < Start)
        {
            return 0;
        }

        var phaseStart = Start;
        foreach (var phase in phases)
        {
            var phaseEnd = phaseStart + phase.Duration;
            if (time < phaseEnd)
            {
                return phase.RequestsPerSecond;
            }

            phaseStart = phaseEnd;
        }

        return phases[^1].RequestsPerSecond;
    }
}
