namespace Scalewise.Cli.Local;

/// <summary>The target at one minute tick of <c>scalewise run</c>: the phase and load offered, its capacity and the instances ready (serving).</summary>
public sealed record TickSample(DateTimeOffset At, string? Phase, double RequestsPerSecond, int Capacity, int ReadyInstances);
