namespace Scalewise.Simulator.Wire;

/// <summary>
/// What Azure Monitor serves for one resource of the estate: its modelled metrics (scale set, VM, Redis cache) and the
/// series scripted on it (<see cref="Estate.SetMetric"/>), which stand beside the modelled ones and replace one of the same name.
/// </summary>
internal sealed class MetricEndpoint
{
    public static readonly MetricCatalog ScaleSetCatalog = new(
        MetricsQuery.Namespace,
        [.. MetricsJson.Served.Select(name => new MetricDescription(name, string.Empty, string.Empty))]);

    private readonly MetricCatalog? model;
    private readonly Func<MetricsQuery, DateTimeOffset, JsonArray>? modelled;
    private readonly IReadOnlyList<ScriptedMetricSeries> scripted;

    private MetricEndpoint(string resourceId, string location, string metricNamespace, MetricCatalog? model, Func<MetricsQuery, DateTimeOffset, JsonArray>? modelled, IReadOnlyList<ScriptedMetricSeries> scripted)
    {
        ResourceId = resourceId;
        Location = location;
        this.model = model;
        this.modelled = modelled;
        this.scripted = scripted;
        var names = scripted.Select(s => s.MetricName)
            .Where(n => model?.Canonical(n) is null)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => new MetricDescription(n, string.Empty, string.Empty));
        Catalog = new MetricCatalog(model?.Namespace ?? metricNamespace, [.. model?.Metrics ?? [], .. names]);
    }

    public string ResourceId { get; }

    public string Location { get; }

    /// <summary>Every metric served, under the resource's namespace (for names, defaults and Azure Monitor's unknown-metric message).</summary>
    public MetricCatalog Catalog { get; }

    /// <summary>The resource's metrics, or null when the estate has no such resource.</summary>
    public static MetricEndpoint? Find(Estate estate, string resourceId)
    {
        var scripted = estate.ScriptedMetricsOf(resourceId);
        if (estate.TryGetScaleSet(resourceId, out var scaleSet))
        {
            return new(scaleSet.ResourceId, scaleSet.Model.Location, ScaleSetCatalog.Namespace, ScaleSetCatalog, (q, now) => MetricsJson.Values(scaleSet, q, now), scripted);
        }

        if (estate.TryGetMetricSource(resourceId, out var source))
        {
            return new(source.ResourceId, source.Location, source.Catalog.Namespace, source.Catalog, (q, now) => ResourceMetricsJson.Values(source, q, now), scripted);
        }

        if (estate.TryGetRedisEnterprise(resourceId, out var cluster))
        {
            return new(cluster.ResourceId, cluster.Model.Location, "Microsoft.Cache/redisEnterprise", null, null, scripted);
        }

        return estate.TryGetMetricResource(resourceId, out var resource)
            ? new(resource.ResourceId, resource.Location, resource.Namespace, null, null, scripted)
            : null;
    }

    /// <summary>Azure Monitor's refusal when <paramref name="filter"/> names a dimension one of <paramref name="names"/> does not have; null when all have them.</summary>
    public string? DimensionError(IReadOnlyList<string> names, MetricFilter filter)
    {
        foreach (var name in names)
        {
            var supported = SeriesOf(name)
                .SelectMany(s => s.Dimensions.Keys)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var missing = filter.DimensionNames.Where(d => !supported.Contains(d, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                return $"Metric: {name} does not support requested dimension combination: {string.Join(',', filter.DimensionNames)}, supported ones are: {string.Join(',', supported)}";
            }
        }

        return null;
    }

    /// <summary>The metrics of <paramref name="query"/>, in its order, with points up to <paramref name="now"/>.</summary>
    public JsonArray Values(MetricsQuery query, MetricFilter? filter, DateTimeOffset now)
    {
        var fromModel = query.MetricNames.Where(n => SeriesOf(n).Count == 0).ToList();
        var modelledValues = fromModel.Count == 0 || modelled is null
            ? []
            : modelled(query with { MetricNames = fromModel }, now).Select(v => v!.DeepClone()).ToList();

        var values = new JsonArray();
        var next = 0;
        foreach (var name in query.MetricNames)
        {
            var series = SeriesOf(name);
            values.Add(series.Count > 0 ? ScriptedMetricsJson.Metric(ResourceId, name, series, query, filter, now) : modelledValues[next++]);
        }

        return values;
    }

    private List<ScriptedMetricSeries> SeriesOf(string name) =>
        [.. scripted.Where(s => s.MetricName.Equals(name, StringComparison.OrdinalIgnoreCase))];
}
