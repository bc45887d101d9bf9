namespace Scalewise.Core.Procedures;

/// <summary>
/// The rules of an Azure Managed Redis SKU change: a cluster moves only to a SKU its <c>listSkusForScaling</c> returns,
/// and only Enterprise and Enterprise Flash SKUs carry a capacity (the cluster keeps the one it has).
/// </summary>
public static class RedisEnterpriseSkus
{
    /// <summary>Why a move from <paramref name="from"/> to <paramref name="to"/> is refused; null when the cluster offers <paramref name="to"/>.</summary>
    public static string? Refusal(IReadOnlyList<RedisEnterpriseSkuOption> offered, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(offered);
        if (offered.Any(s => string.Equals(s.Name, to, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var names = offered.Count == 0 ? "none" : string.Join(", ", offered.Select(s => s.Name));
        return $"{to} is not among the SKUs listSkusForScaling returns for this cluster at {from} ({names}); Azure does not scale it there";
    }

    /// <summary>The capacity to send with <paramref name="sku"/>: the current one (2 when unknown) for Enterprise SKUs, none for the others.</summary>
    public static int? CapacityFor(string sku, int? current) =>
        TakesCapacity(sku) ? current ?? DefaultEnterpriseCapacity : null;

    /// <summary>True for Enterprise_* and EnterpriseFlash_* SKUs, which are sized by a capacity as well as a name.</summary>
    public static bool TakesCapacity(string? sku) =>
        sku is not null && sku.StartsWith("Enterprise", StringComparison.OrdinalIgnoreCase);

    private const int DefaultEnterpriseCapacity = 2;
}
