namespace Scalewise.Core.Policies;

/// <summary>What a forecast above the maximum does (AWS predictive scaling's semantics).</summary>
public enum MaxCapacityBreach
{
    /// <summary>Capacity never goes above the maximum, whatever the forecast.</summary>
    HonorMaxCapacity,

    /// <summary>The forecast capacity may exceed the maximum by at most the buffer (percent of the forecast capacity).</summary>
    IncreaseMaxCapacity,
}
