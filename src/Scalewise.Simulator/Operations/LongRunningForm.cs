namespace Scalewise.Simulator.Operations;

/// <summary>
/// How the simulator answers a long-running operation, one of the forms ARM's definitions allow; chosen per resource (or per
/// estate, for snapshots) by tests. Each operation accepts only the forms its definition documents (<see cref="LongRunningForms"/>).
/// </summary>
public enum LongRunningForm
{
    /// <summary>202 with only a <c>Location</c> header; that URL answers 202 while running, 200/204 once done, the error when failed.</summary>
    Location,

    /// <summary>202 with only an <c>Azure-AsyncOperation</c> header; that URL answers 200 with <c>status</c> (InProgress, Succeeded, Failed).</summary>
    AzureAsyncOperation,

    /// <summary>200 when done at once (the operation finishes with the request).</summary>
    Synchronous200,

    /// <summary>204 when done at once (the operation finishes with the request).</summary>
    Synchronous204,

    /// <summary>202 with both <c>Azure-AsyncOperation</c> and <c>Location</c> (Compute's deallocate/start, Managed Redis's update).</summary>
    AcceptedWithBoth,

    /// <summary>200 with the resource still changing and no header: its <c>provisioningState</c> is the only signal to follow.</summary>
    OkWhileRunning,

    /// <summary>200 with the resource still changing and an <c>Azure-AsyncOperation</c> header (Compute's PATCH as Azure answers it).</summary>
    OkWithAzureAsyncOperation,
}
