using System.Text;
using Microsoft.AspNetCore.Http;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// Reads a request body as text, up to <see cref="MaximumBytes"/> (documented in the README's HTTP API section); a larger body
/// ends the request with a 413 problem through <see cref="ApiGuard"/>, before it is held in memory whole.
/// </summary>
public static class ApiBody
{
    /// <summary>1 MiB: four times the largest policy document as stored (<see cref="Core.Policies.PolicyLimits.MaximumDocumentLength"/>).</summary>
    public const int MaximumBytes = 1024 * 1024;

    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaximumBytes)
        {
            throw new RequestTooLargeException(MaximumBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaximumBytes)
            {
                throw new RequestTooLargeException(MaximumBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        // Bytes that are not UTF-8 become U+FFFD, as a StreamReader would read them; a BOM is dropped.
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
