namespace Scalewise.Orchestrations.Api;

/// <summary>Demand in the hour starting at <see cref="Hour"/>: forecast, or observed when the forecast was made.</summary>
public sealed record TimelineDemandPoint(DateTimeOffset Hour, double Demand);
