namespace Scalewise.Core.Traces;

/// <summary>
/// Reads traces in the shared format: CSV with the header <c>timestamp,requests</c>, one row per minute in time order,
/// timestamps in ISO 8601 UTC on whole minutes, requests a non-negative whole number. Every error names its line.
/// </summary>
public static class TraceReader
{
    public const string Header = "timestamp,requests";

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static WorkloadTrace Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header is null)
        {
            throw new TraceFormatException(1, $"the trace is empty; expected the header '{Header}' and one row per minute.");
        }

        header = header.TrimStart('\uFEFF').Trim();
        if (!string.Equals(header, Header, StringComparison.Ordinal))
        {
            throw new TraceFormatException(1, $"the header is '{header}'; expected '{Header}'.");
        }

        var requests = new List<int>();
        DateTimeOffset? start = null;
        DateTimeOffset previous = default;
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || line.IndexOf(',', comma + 1) >= 0)
            {
                throw new TraceFormatException(lineNumber, $"'{Shorten(line)}' is not a row of two fields; expected '<timestamp>,<requests>' such as '1995-07-01T00:00:00Z,42'.");
            }

            var timestamp = ParseTimestamp(line.AsSpan(0, comma).Trim(), lineNumber);
            var count = ParseRequests(line.AsSpan(comma + 1).Trim(), lineNumber);

            if (start is not { } first)
            {
                start = timestamp;
                previous = timestamp;
                requests.Add(count);
                continue;
            }

            if (timestamp <= previous)
            {
                throw new TraceFormatException(lineNumber, string.Create(
                    CultureInfo.InvariantCulture,
                    $"timestamp {timestamp:yyyy-MM-dd'T'HH:mm:ss'Z'} is not after the previous row's {previous:yyyy-MM-dd'T'HH:mm:ss'Z'}; rows must be in time order, one per minute."));
            }

            var minute = (int)((timestamp - first).Ticks / TimeSpan.TicksPerMinute);
            while (requests.Count < minute)
            {
                requests.Add(-1);
            }

            requests.Add(count);
            previous = timestamp;
        }

        if (start is not { } begin)
        {
            throw new TraceFormatException(lineNumber, "the trace has a header but no rows; expected one row per minute such as '1995-07-01T00:00:00Z,42'.");
        }

        return new WorkloadTrace(begin, requests);
    }

    private static DateTimeOffset ParseTimestamp(ReadOnlySpan<char> text, int lineNumber)
    {
        if (!DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
        {
            throw new TraceFormatException(lineNumber, $"'{Shorten(text.ToString())}' is not an ISO 8601 UTC timestamp; expected one such as '1995-07-01T00:00:00Z'.");
        }

        if (timestamp.Offset != TimeSpan.Zero)
        {
            throw new TraceFormatException(lineNumber, $"timestamp '{text}' is not in UTC; write it with 'Z', such as '1995-07-01T00:00:00Z'.");
        }

        if (timestamp.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new TraceFormatException(lineNumber, $"timestamp '{text}' is not on a whole minute; the trace has one row per minute, such as '1995-07-01T00:01:00Z'.");
        }

        return timestamp;
    }

    private static int ParseRequests(ReadOnlySpan<char> text, int lineNumber)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            var what = text.Length > 0 && text[0] == '-' ? "is negative" : "is not a whole number";
            throw new TraceFormatException(lineNumber, $"requests '{Shorten(text.ToString())}' {what}; expected a non-negative whole number of requests in that minute (0 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}).");
        }

        return count;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
