namespace Scalewise.Core.Pricing;

/// <summary>
/// The ladders a vertical policy steps along when it names none. Prices are indicative pay-as-you-go list prices
/// (USD per hour, Linux, East US) to order and cap by; configuration should supply real prices in a <see cref="PriceTable"/>.
/// </summary>
public static class DefaultSkuLadders
{
    public static IReadOnlyList<SkuRung> VirtualMachine { get; } =
    [
        new("Standard_D2s_v3", 0.096m),
        new("Standard_D4s_v3", 0.192m),
        new("Standard_D8s_v3", 0.384m),
        new("Standard_D16s_v3", 0.768m),
    ];

    /// <summary>Azure Cache for Redis Standard (replicated) C0 to C6.</summary>
    public static IReadOnlyList<SkuRung> RedisStandard { get; } =
    [
        new("Standard_C0", 0.055m),
        new("Standard_C1", 0.138m),
        new("Standard_C2", 0.224m),
        new("Standard_C3", 0.448m),
        new("Standard_C4", 0.524m),
        new("Standard_C5", 1.047m),
        new("Standard_C6", 2.094m),
    ];

    /// <summary>Azure Cache for Redis Premium P1 to P5.</summary>
    public static IReadOnlyList<SkuRung> RedisPremium { get; } =
    [
        new("Premium_P1", 0.554m),
        new("Premium_P2", 1.110m),
        new("Premium_P3", 2.220m),
        new("Premium_P4", 4.440m),
        new("Premium_P5", 10.824m),
    ];

    /// <summary>
    /// Azure Managed Redis Balanced B0 to B100 (0.5 to 120 GB). No prices: they vary by region and high availability,
    /// so a cost cap needs them from a policy's own ladder or a <see cref="PriceTable"/>. A cluster moves only to the SKUs
    /// its <c>listSkusForScaling</c> returns; a rung it does not offer is refused when the procedure runs.
    /// </summary>
    public static IReadOnlyList<SkuRung> RedisEnterpriseBalanced { get; } =
    [
        new("Balanced_B0"),
        new("Balanced_B1"),
        new("Balanced_B3"),
        new("Balanced_B5"),
        new("Balanced_B10"),
        new("Balanced_B20"),
        new("Balanced_B50"),
        new("Balanced_B100"),
    ];

    /// <summary>The ladder of a target kind: VM sizes for virtual machines, Redis Standard C0-C6 for caches, Azure Managed Redis Balanced B0-B100; none for scale sets.</summary>
    public static IReadOnlyList<SkuRung> For(TargetKind kind) => kind switch
    {
        TargetKind.VirtualMachine => VirtualMachine,
        TargetKind.RedisCache => RedisStandard,
        TargetKind.RedisEnterprise => RedisEnterpriseBalanced,
        _ => [],
    };
}
