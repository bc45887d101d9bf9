namespace Scalewise.Azure.Metrics;

/// <summary>Azure Monitor refused or failed a metrics request; the message names the resource, the metrics and ARM's error.</summary>
public sealed class MetricReadException : Exception
{
    public MetricReadException()
    {
    }

    public MetricReadException(string message)
        : base(message)
    {
    }

    public MetricReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MetricReadException(string message, string resourceId, IReadOnlyList<string> metricNames, int status, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ResourceId = resourceId;
        MetricNames = metricNames;
        Status = status;
        ErrorCode = errorCode;
    }

    public string? ResourceId { get; }

    public IReadOnlyList<string> MetricNames { get; } = [];

    /// <summary>The HTTP status (0 when no response arrived).</summary>
    public int Status { get; }

    /// <summary>ARM's error code, when the response carried one.</summary>
    public string? ErrorCode { get; }
}
