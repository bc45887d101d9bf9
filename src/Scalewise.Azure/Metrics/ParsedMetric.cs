using Scalewise.Core.Metrics;

namespace Scalewise.Azure.Metrics;

/// <summary>One metric of an Azure Monitor metrics response: its points, or the per-metric error Azure reported.</summary>
internal sealed record ParsedMetric(string Name, string? ErrorCode, string? ErrorMessage, IReadOnlyList<MetricPoint> Points)
{
    public bool Succeeded => ErrorCode is null || string.Equals(ErrorCode, "Success", StringComparison.OrdinalIgnoreCase);
}
