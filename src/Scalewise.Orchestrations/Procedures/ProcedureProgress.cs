namespace Scalewise.Orchestrations.Procedures;

/// <summary>
/// What a procedure moves between: capacities for a scale set, or SKUs for a single VM or cache. A single-instance target
/// keeps capacity 1 on both ends, which is what its history records and custom status show.
/// </summary>
internal sealed class ProcedureProgress
{
    public int FromCapacity { get; set; }

    public int ToCapacity { get; init; }

    /// <summary>The SKU the target starts from, once the guard has read it; null for a capacity change.</summary>
    public string? FromSku { get; set; }

    /// <summary>The SKU the procedure sets out to reach; null for a capacity change.</summary>
    public string? ToSku { get; init; }

    public bool IsSkuChange => ToSku is not null;

    /// <summary>"3 → 5" or "Standard_D2s_v3 → Standard_D4s_v3".</summary>
    public string Move => IsSkuChange ? $"{FromSku} → {ToSku}" : $"{FromCapacity} → {ToCapacity}";

    /// <summary>What an approver is asked for: "capacity 5", or the SKU move.</summary>
    public string Wanted => IsSkuChange ? Move : $"capacity {ToCapacity}";

    public static ProcedureProgress ForCapacity(int toCapacity) => new() { ToCapacity = toCapacity };

    public static ProcedureProgress ForSku(string toSku) => new() { FromCapacity = 1, ToCapacity = 1, ToSku = toSku };
}
