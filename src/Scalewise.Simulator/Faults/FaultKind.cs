namespace Scalewise.Simulator.Faults;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>429 <c>TooManyRequests</c> with a <c>Retry-After</c> header (<see cref="FaultRule.RetryAfter"/>).</summary>
    Throttle,

    /// <summary>500 <c>InternalServerError</c>.</summary>
    ServerError,

    /// <summary>409: another operation is in progress (<c>OperationNotAllowed</c>), or the rule's own code and message (quota, SKU not available).</summary>
    Conflict,

    /// <summary>No answer for <see cref="FaultRule.Delay"/> of real time (or until the client gives up), then 504 <c>GatewayTimeout</c>.</summary>
    Timeout,

    /// <summary>The request is accepted, but the operation it starts ends <c>Failed</c> (provisioning state and operation status).</summary>
    ProvisioningFailed,

    /// <summary>An Azure Monitor metrics answer whose last <see cref="FaultRule.Delay"/> (simulated time) of points have no values yet: ingestion running late.</summary>
    LateMetrics,

    /// <summary>An Azure Monitor metrics answer with no values in any point of the window: the resource stopped reporting.</summary>
    MetricGap,
}
