namespace Scalewise.Backtest;

/// <summary>
/// The model file of <c>scalewise simulate --model</c>: every field is optional, and a missing one takes the default
/// <see cref="TargetModel.Derive"/> gives it (capacity from the trace, 3-minute provisioning, 2-minute warm-up...).
/// </summary>
public sealed record TargetModelSettings(
    double? CapacityPerInstance = null,
    TimeSpan? ProvisioningDelay = null,
    TimeSpan? WarmUp = null,
    double? PricePerInstanceHour = null,
    double? IdleP95LatencyMs = null,
    double? SloP95LatencyMs = null);
