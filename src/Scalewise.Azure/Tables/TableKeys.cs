using System.Text;

namespace Scalewise.Azure.Tables;

/// <summary>Partition and row keys: escaped ids, and inverted ticks so that the newest row sorts first.</summary>
internal static class TableKeys
{
    /// <summary>Ticks counted down from <see cref="DateTimeOffset.MaxValue"/>, zero-padded so that string order is time order reversed.</summary>
    public static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// The filter of one range query over a partition: the row keys from the least to the greatest of <paramref name="rowKeys"/>
    /// (already escaped). The caller keeps only the rows it asked for.
    /// </summary>
    public static string RangeFilter(string partitionKey, IEnumerable<string> rowKeys)
    {
        var ordered = rowKeys.Order(StringComparer.Ordinal).ToList();
        return TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {ordered[0]} and RowKey le {ordered[^1]}");
    }

    /// <summary>A short random suffix that keeps two rows written in the same tick apart.</summary>
    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Makes an id safe as a key: Table Storage refuses '/', '\', '#', '?' and control characters in keys.
    /// Those (and '%', the escape character) become %XX, so distinct ids stay distinct.
    /// </summary>
    public static string Escape(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!id.Any(NeedsEscape))
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
