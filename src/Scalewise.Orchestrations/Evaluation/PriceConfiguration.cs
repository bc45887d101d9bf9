using System.Globalization;
using Scalewise.Core.Pricing;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>Turns the checked <see cref="PriceOptions"/> into the <see cref="PriceTable"/> the cost cap reads.</summary>
public static class PriceConfiguration
{
    public static PriceTable ToTable(PriceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prices = options
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .Select(entry => KeyValuePair.Create(entry.Key, ParsePrice(entry.Value!) ?? throw new InvalidOperationException($"{PriceOptions.SectionName}:{entry.Key} was not checked at start.")))
            .ToList();
        return prices.Count == 0 ? PriceTable.Empty : new PriceTable(prices);
    }

    /// <summary>A plain non-negative number with a dot for decimals; null for anything else.</summary>
    public static decimal? ParsePrice(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var price) && price >= 0
            ? price
            : null;
}
