namespace Scalewise.Simulator.Faults;

/// <summary>A fault the simulator applied: which rule, to which request, when (simulated clock).</summary>
public sealed record InjectedFault(FaultRule Rule, string Method, string Path, DateTimeOffset At);
