using System.Globalization;
using Microsoft.Extensions.Configuration;
using Scalewise.Core.Pricing;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// Reads the hourly price of each SKU the cost cap needs from configuration: <c>Scalewise:Prices:&lt;sku&gt;</c> = dollars per
/// hour (<c>Scalewise__Prices__Standard_D2s_v3 = 0.096</c> as an app setting). An empty value is skipped; anything else that is
/// not a plain non-negative number (no thousands separators, a dot for decimals) stops the host with the key named, since a cap computed from a wrong price is worse than none.
/// </summary>
public static class PriceConfiguration
{
    public const string SectionName = "Scalewise:Prices";

    public static PriceTable Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prices = new List<KeyValuePair<string, decimal>>();
        foreach (var entry in configuration.GetSection(SectionName).GetChildren())
        {
            if (string.IsNullOrWhiteSpace(entry.Value))
            {
                continue;
            }

            if (!decimal.TryParse(entry.Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var price) || price < 0)
            {
                throw new InvalidOperationException(
                    $"{SectionName}:{entry.Key} is '{entry.Value}'; use the SKU's hourly price as a non-negative number with a dot for decimals, such as 0.096 (dollars per hour), or leave it empty.");
            }

            prices.Add(KeyValuePair.Create(entry.Key, price));
        }

        return prices.Count == 0 ? PriceTable.Empty : new PriceTable(prices);
    }
}
