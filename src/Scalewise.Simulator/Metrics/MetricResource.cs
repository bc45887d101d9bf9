using System.Diagnostics.CodeAnalysis;

namespace Scalewise.Simulator.Metrics;

/// <summary>
/// A resource the estate does not model but Azure Monitor has metrics for (an Application Gateway, a Service Bus namespace,
/// an Application Insights component, ...): it serves only the metrics scripted on it with <see cref="Estate.SetMetric"/>.
/// </summary>
public sealed class MetricResource
{
    internal MetricResource(string resourceId, string metricNamespace, string location)
    {
        ResourceId = resourceId;
        Namespace = metricNamespace;
        Location = location;
    }

    /// <summary>The resource id, /subscriptions/{sub}/resourceGroups/{rg}/providers/{provider}/{type}/{name}[/{child type}/{child name}...].</summary>
    public string ResourceId { get; }

    /// <summary>The Azure Monitor namespace of its platform metrics: its provider and resource type, lower case (microsoft.servicebus/namespaces).</summary>
    public string Namespace { get; }

    public string Location { get; }

    /// <summary>The normalized id and metric namespace of an ARM resource id with a provider, a type and a name (child types allowed).</summary>
    internal static bool TryParse(string? resourceId, [NotNullWhen(true)] out string? id, [NotNullWhen(true)] out string? metricNamespace)
    {
        id = metricNamespace = null;
        var segments = (resourceId ?? string.Empty).Trim('/').Split('/');
        if (segments.Length < 8
            || segments.Length % 2 != 0
            || !segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            || !segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            || !segments[4].Equals("providers", StringComparison.OrdinalIgnoreCase)
            || Array.Exists(segments, string.IsNullOrWhiteSpace))
        {
            return false;
        }

        var types = new List<string> { segments[5], segments[6] };
        for (var i = 8; i < segments.Length; i += 2)
        {
            types.Add(segments[i]);
        }

        id = "/" + string.Join('/', segments);
        metricNamespace = string.Join('/', types).ToLowerInvariant();
        return true;
    }
}
