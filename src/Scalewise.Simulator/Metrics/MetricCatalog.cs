namespace Scalewise.Simulator.Metrics;

/// <summary>The metrics one resource type serves, under its Azure Monitor namespace.</summary>
internal sealed record MetricCatalog(string Namespace, IReadOnlyList<MetricDescription> Metrics)
{
    public string? Canonical(string name) =>
        Metrics.FirstOrDefault(m => m.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))?.Name;

    public MetricDescription Describe(string name) => Metrics.First(m => m.Name == name);

    /// <summary>Azure Monitor's words for an unknown metric.</summary>
    public string UnknownMetricMessage(string name)
    {
        var slash = Namespace.IndexOf('/', StringComparison.Ordinal);
        var provider = Namespace[..slash].ToLowerInvariant();
        var type = Namespace[(slash + 1)..].ToLowerInvariant();
        return $"Failed to find metric configuration for provider: {provider}, resource Type: {type}, metric: {name}, Valid metrics: {string.Join(',', Metrics.Select(m => m.Name))}";
    }
}
