namespace Scalewise.Core.Policies;

/// <summary>One size on a vertical target's ladder ("Standard_D4s_v3", "Standard_C2"), with its hourly price when known.</summary>
public sealed record SkuRung(string Name, decimal? HourlyPrice = null);
