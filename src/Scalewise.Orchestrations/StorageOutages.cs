using System.Net.Http;
using System.Net.Sockets;
using Azure;

namespace Scalewise.Orchestrations;

/// <summary>
/// Tells an outage of the storage Scalewise keeps its state in (Table Storage) from a bug: no answer, a refused connection,
/// a 408, 429 or 5xx, or every Azure.Core retry failed so. The HTTP API answers those 503; the timer jobs skip the tick.
/// </summary>
public static class StorageOutages
{
    /// <summary>True for an outage; <paramref name="cancellationToken"/> tells a caller's own cancellation from a timeout.</summary>
    public static bool Is(Exception exception, CancellationToken cancellationToken = default) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException all => all.Flatten().InnerExceptions is { Count: > 0 } inner && inner.All(e => Is(e, cancellationToken)),
        HttpRequestException or SocketException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
