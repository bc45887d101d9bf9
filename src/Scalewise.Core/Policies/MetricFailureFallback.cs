namespace Scalewise.Core.Policies;

/// <summary>After <see cref="AfterFailures"/> consecutive ticks without metrics, raise capacity to <see cref="Capacity"/> (never lower it blind).</summary>
public sealed record MetricFailureFallback(int AfterFailures, int Capacity);
