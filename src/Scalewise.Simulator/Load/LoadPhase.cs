namespace Scalewise.Simulator.Load;

/// <summary>One phase of a <see cref="PhasedLoadProfile"/>: a constant arrival rate held for a duration.</summary>
public sealed record LoadPhase(TimeSpan Duration, double RequestsPerSecond);
