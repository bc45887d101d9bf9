namespace Scalewise.Simulator.Operations;

/// <summary>How the simulator answers a long-running operation, one of the forms ARM's definitions allow; chosen per resource by tests.</summary>
public enum LongRunningForm
{
    /// <summary>202 with only a <c>Location</c> header; that URL answers 202 while running, 204 once done, the error when failed.</summary>
    Location,

    /// <summary>202 with only an <c>Azure-AsyncOperation</c> header; that URL answers 200 with <c>status</c> (InProgress, Succeeded, Failed).</summary>
    AzureAsyncOperation,

    /// <summary>200 when done at once (the operation finishes with the request).</summary>
    Synchronous200,

    /// <summary>204 when done at once (the operation finishes with the request).</summary>
    Synchronous204,
}
