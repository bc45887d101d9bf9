namespace Scalewise.Core.Pricing;

/// <summary>Hourly prices per SKU name (case-insensitive), as configuration supplies them; the cost cap reads them.</summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, decimal> hourlyPrices;

    public PriceTable(IEnumerable<KeyValuePair<string, decimal>> hourlyPrices)
    {
        ArgumentNullException.ThrowIfNull(hourlyPrices);
        this.hourlyPrices = new Dictionary<string, decimal>(hourlyPrices, StringComparer.OrdinalIgnoreCase);
    }

    public static PriceTable Empty { get; } = new([]);

    public IReadOnlyDictionary<string, decimal> HourlyPrices => hourlyPrices;

    /// <summary>The prices a ladder's rungs carry.</summary>
    public static PriceTable FromLadder(IEnumerable<SkuRung> ladder)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        return new(ladder.Where(r => r.HourlyPrice is not null).Select(r => KeyValuePair.Create(r.Name, r.HourlyPrice!.Value)));
    }

    public bool TryGetHourlyPrice(string? sku, out decimal price)
    {
        price = 0;
        return sku is not null && hourlyPrices.TryGetValue(sku, out price);
    }
}
