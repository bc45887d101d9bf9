namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// The hourly price of each SKU the cost cap needs, bound from "Scalewise:Prices": one setting a SKU, dollars per hour
/// (<c>Scalewise__Prices__Standard_D2s_v3 = 0.096</c> as an app setting). Checked at start by
/// <see cref="PriceOptionsValidator"/>; <see cref="PriceConfiguration"/> turns it into the <c>PriceTable</c> the engine reads.
/// </summary>
public sealed class PriceOptions : Dictionary<string, string?>
{
    public const string SectionName = "Scalewise:Prices";

    public PriceOptions()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }
}
