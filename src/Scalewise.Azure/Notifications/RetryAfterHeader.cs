using System.Net.Http.Headers;

namespace Scalewise.Azure.Notifications;

/// <summary>
/// The one reading of an HTTP <c>Retry-After</c> for the notification clients (RFC 9110 §10.2.3): delta-seconds or an HTTP date,
/// capped, so a receiver cannot park a procedure's notification for hours.
/// </summary>
public static class RetryAfterHeader
{
    /// <summary>The longest wait a Retry-After may ask for before a retry.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);

    /// <summary>The wait <paramref name="response"/> asks for, at most <see cref="Maximum"/>; null when it asks for none.</summary>
    public static TimeSpan? From(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        return header is null ? null : From(header, now);
    }

    public static TimeSpan? From(RetryConditionHeaderValue header, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        var wait = header.Delta ?? (header.Date is { } at ? at - now : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > Maximum ? Maximum : value;
    }
}
