namespace Scalewise.Simulator.Faults;

/// <summary>
/// A fault for the next <see cref="Times"/> requests that match: <paramref name="Method"/> (null = any), a path on
/// <paramref name="ResourceId"/> (case-insensitive), and <paramref name="Action"/>: null = any request on or under the
/// resource, "" = the resource itself, otherwise the rest of the path after the resource id (e.g. "export",
/// "deallocate", "vmSizes", "providers/Microsoft.Insights/metrics").
/// </summary>
public sealed record FaultRule(FaultKind Kind, string? Method, string ResourceId, string? Action = null)
{
    /// <summary>How many matching requests the rule hits; <see cref="int.MaxValue"/> keeps it until cleared.</summary>
    public int Times { get; init; } = 1;

    /// <summary>The Retry-After of a <see cref="FaultKind.Throttle"/>, in whole seconds on the wire.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a <see cref="FaultKind.Timeout"/> holds the request (real time, not the simulated clock); how late a <see cref="FaultKind.LateMetrics"/> answer is (simulated time).</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The error code of a <see cref="FaultKind.Conflict"/> (Azure answers several different 409s).</summary>
    public string ConflictCode { get; init; } = "OperationNotAllowed";

    /// <summary>The message of a <see cref="FaultKind.Conflict"/>; null says another operation is in progress on the resource.</summary>
    public string? ConflictMessage { get; init; }

    public static FaultRule Throttle(string? method, string resourceId, TimeSpan retryAfter, string? action = null) =>
        new(FaultKind.Throttle, method, resourceId, action) { RetryAfter = retryAfter };

    public static FaultRule ServerError(string? method, string resourceId, string? action = null) =>
        new(FaultKind.ServerError, method, resourceId, action);

    public static FaultRule Conflict(string? method, string resourceId, string? action = null) =>
        new(FaultKind.Conflict, method, resourceId, action);

    /// <summary>409 <c>OperationNotAllowed</c> as Compute words a core quota that the change would exceed.</summary>
    public static FaultRule QuotaExceeded(string? method, string resourceId, string? action = null) =>
        new(FaultKind.Conflict, method, resourceId, action)
        {
            ConflictMessage = "Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota. Additional details - Deployment Model: Resource Manager, Location: eastus, Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12.",
        };

    /// <summary>409 with a capacity code Compute uses when a size cannot be had: <c>SkuNotAvailable</c>, <c>AllocationFailed</c> or <c>ZonalAllocationFailed</c>.</summary>
    public static FaultRule CapacityUnavailable(string code, string? method, string resourceId, string? action = null) =>
        new(FaultKind.Conflict, method, resourceId, action)
        {
            ConflictCode = code,
            ConflictMessage = code == "SkuNotAvailable"
                ? "The requested VM size Standard_D4s_v3 is currently not available in location 'eastus'. Please try another size or deploy to a different location or different zone."
                : "Allocation failed. We do not have sufficient capacity for the requested VM size in this region. Read more about improving likelihood of allocation success at https://aka.ms/allocation-guidance",
        };

    public static FaultRule Timeout(string? method, string resourceId, TimeSpan delay, string? action = null) =>
        new(FaultKind.Timeout, method, resourceId, action) { Delay = delay };

    public static FaultRule ProvisioningFailed(string method, string resourceId, string? action = null) =>
        new(FaultKind.ProvisioningFailed, method, resourceId, action);

    /// <summary>Metrics of the resource served <paramref name="late"/> behind the simulated clock (the newest points have no values yet).</summary>
    public static FaultRule LateMetrics(string resourceId, TimeSpan late) =>
        new(FaultKind.LateMetrics, "GET", resourceId, MetricsAction) { Delay = late };

    /// <summary>Metrics of the resource answered with no values at all, as when it stops reporting.</summary>
    public static FaultRule MetricGap(string resourceId) =>
        new(FaultKind.MetricGap, "GET", resourceId, MetricsAction);

    internal const string MetricsAction = "providers/Microsoft.Insights/metrics";

    internal bool Matches(string method, string path)
    {
        if (Method is not null && !Method.Equals(method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var id = "/" + ResourceId.Trim('/');
        var trimmed = "/" + path.Trim('/');
        if (trimmed.Equals(id, StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(Action);
        }

        if (!trimmed.StartsWith(id + "/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Action is null || (Action.Length > 0 && trimmed[(id.Length + 1)..].Equals(Action.Trim('/'), StringComparison.OrdinalIgnoreCase));
    }
}
