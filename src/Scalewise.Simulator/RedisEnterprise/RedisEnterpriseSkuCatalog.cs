namespace Scalewise.Simulator.RedisEnterprise;

/// <summary>The Azure Managed Redis SKUs a simulated cluster may scale among when its model does not list its own.</summary>
public static class RedisEnterpriseSkuCatalog
{
    public static IReadOnlyList<RedisEnterpriseSkuOption> Default { get; } =
    [
        new("Balanced_B0", 0.5), new("Balanced_B1", 1), new("Balanced_B3", 3), new("Balanced_B5", 6),
        new("Balanced_B10", 12), new("Balanced_B20", 24), new("Balanced_B50", 60), new("Balanced_B100", 120),
        new("MemoryOptimized_M10", 12), new("MemoryOptimized_M20", 24), new("MemoryOptimized_M50", 60), new("MemoryOptimized_M100", 120),
        new("ComputeOptimized_X3", 3), new("ComputeOptimized_X5", 6), new("ComputeOptimized_X10", 12), new("ComputeOptimized_X20", 24),
    ];
}
