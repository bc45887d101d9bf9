namespace Scalewise.Core.Traces;

/// <summary>A trace that does not follow the trace format; <see cref="Exception.Message"/> names the line and says what is accepted.</summary>
public sealed class TraceFormatException : Exception
{
    public TraceFormatException()
    {
    }

    public TraceFormatException(string message)
        : base(message)
    {
    }

    public TraceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TraceFormatException(int lineNumber, string message)
        : base($"line {lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {message}")
    {
        LineNumber = lineNumber;
    }

    /// <summary>The 1-based line the problem is on (the header is line 1); 0 when it is not about one line.</summary>
    public int LineNumber { get; }
}
