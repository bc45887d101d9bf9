namespace Scalewise.Azure.Targets;

/// <summary>Turns ARM answers and transport failures into <see cref="TargetOperationException"/>s people and retry policies can read.</summary>
internal static class ArmFailures
{
    /// <summary>The error code used when no answer came in time.</summary>
    public const string TimeoutCode = "Timeout";

    public static TargetOperationException FromRequestFailed(string resourceId, string operation, RequestFailedException ex) =>
        Create(resourceId, operation, ex.Status, ex.ErrorCode, RetryAfter(ex.GetRawResponse()), FirstLine(ex.Message), ex);

    public static TargetOperationException FromResponse(string resourceId, string operation, Response response)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            var error = document.RootElement.TryGetProperty("error", out var wrapped) ? wrapped : document.RootElement;
            code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        }
        catch (JsonException)
        {
            // Not an ARM error body; the status says enough.
        }

        if (code is null && response.Headers.TryGetValue("x-ms-error-code", out var header))
        {
            code = header;
        }

        return Create(resourceId, operation, response.Status, code, RetryAfter(response), message ?? response.ReasonPhrase, null);
    }

    public static TargetOperationException Timeout(string resourceId, string operation, Exception inner) =>
        Create(resourceId, operation, 0, TimeoutCode, null, "no answer arrived in time", inner);

    /// <summary>Every try failed without an answer: a timeout when all of them timed out, else a connection failure (status 0 either way).</summary>
    public static TargetOperationException NoAnswer(string resourceId, string operation, AggregateException ex)
    {
        var inner = ex.Flatten().InnerExceptions;
        if (inner.Count > 0 && inner.All(e => e is OperationCanceledException))
        {
            return Timeout(resourceId, operation, ex);
        }

        var failed = inner.OfType<RequestFailedException>().LastOrDefault();
        return failed is not null && failed.Status > 0
            ? FromRequestFailed(resourceId, operation, failed)
            : Create(resourceId, operation, 0, null, null, "no answer: " + (inner.LastOrDefault()?.Message ?? ex.Message), ex);
    }

    public static TimeSpan? RetryAfter(Response? response)
    {
        if (response is null || !response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && response.Headers.Date is { } now
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }

    private static TargetOperationException Create(string resourceId, string operation, int status, string? code, TimeSpan? retryAfter, string? detail, Exception? inner)
    {
        var message = $"ARM could not {operation} for '{resourceId}'"
            + (status > 0 ? $": HTTP {status.ToString(CultureInfo.InvariantCulture)}" : string.Empty)
            + (code is null ? string.Empty : $" ({code})")
            + (retryAfter is null ? string.Empty : $", retry after {retryAfter.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s")
            + (string.IsNullOrWhiteSpace(detail) ? "." : ". " + detail);
        return new TargetOperationException(message, resourceId, operation, status, code, retryAfter, inner) { AzureMessage = detail };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
