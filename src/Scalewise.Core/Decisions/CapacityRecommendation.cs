namespace Scalewise.Core.Decisions;

/// <summary>The capacity the rules recommended at one tick, kept so scale-in can be stabilized over a window.</summary>
public sealed record CapacityRecommendation(DateTimeOffset At, int Capacity);
