namespace Scalewise.Orchestrations.Api;

/// <summary>
/// The body of <c>GET /api/targets/{target}/timeline</c>: between <see cref="From"/> and <see cref="To"/>, the capacity or SKU
/// over time, the driving metric readings with their thresholds, the stored forecast against observed demand, and the
/// decisions and procedures as markers; all from Scalewise's own stores (no Azure call).
/// </summary>
public sealed record TargetTimeline(
    string Target,
    TargetKind Kind,
    DateTimeOffset From,
    DateTimeOffset To,
    int Minimum,
    int Maximum,
    IReadOnlyList<TimelineCapacityPoint> Capacity,
    IReadOnlyList<TimelineMetricReading> Metrics,
    IReadOnlyList<TimelineDemandPoint> Forecast,
    IReadOnlyList<TimelineDemandPoint> Demand,
    IReadOnlyList<TimelineMarker> Markers);
