using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// Wraps every handler of <see cref="ScalewiseApi"/>, so no exception leaves the HTTP surface as an empty 500: a body over the
/// limit is a 413, storage that does not answer is a 503 problem with <c>Retry-After</c>, and anything else is a logged 500
/// problem with a trace id. The property tests show generated inputs never reach the 500.
/// </summary>
public static partial class ApiGuard
{
    /// <summary>Seconds a caller is asked to wait after a storage outage; Azure.Core has retried for about this long already.</summary>
    public const int StorageRetryAfterSeconds = 10;

    public static async Task<IResult> RunAsync(HttpRequest request, Func<Task<IResult>> handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller has gone; nobody reads an answer.
            throw;
        }
        catch (RequestTooLargeException ex)
        {
            return ApiResponse.Problem(ApiProblem.TooLarge(ex.Limit));
        }
        catch (Exception ex) when (IsStorageOutage(ex))
        {
            LogStorageUnavailable(Logger(request), request.Method, request.Path, ex);
            return ApiResponse.Problem(ApiProblem.StorageUnavailable(
                "Table Storage, where Scalewise keeps policies, decisions and history, did not answer; nothing was changed. Retry after the time in Retry-After.")
                with { RetryAfterSeconds = StorageRetryAfterSeconds });
        }
#pragma warning disable CA1031 // The last resort: any other failure becomes a logged problem instead of an empty 500.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? request.HttpContext.TraceIdentifier;
            LogUnexpected(Logger(request), request.Method, request.Path, traceId, ex);
            return ApiResponse.Problem(ApiProblem.Unexpected(traceId));
        }
    }

    /// <summary>True when storage (or another service) did not answer; see <see cref="StorageOutages"/>.</summary>
    public static bool IsStorageOutage(Exception exception) => StorageOutages.Is(exception);

    private static ILogger Logger(HttpRequest request) =>
        request.HttpContext.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ApiGuard).FullName!) ?? NullLogger.Instance;

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "{Method} {Path}: storage did not answer; answered 503.")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, PathString path, Exception exception);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly (trace {TraceId}); answered 500.")]
    private static partial void LogUnexpected(ILogger logger, string method, PathString path, string traceId, Exception exception);
}
