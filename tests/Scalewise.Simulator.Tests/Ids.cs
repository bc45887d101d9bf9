namespace Scalewise.Simulator.Tests;

/// <summary>Resource ids and request helpers for the Redis, VM and snapshot tests.</summary>
internal static class Ids
{
    public const string Sub = "00000000-0000-0000-0000-000000000001";
    public const string Cache = $"/subscriptions/{Sub}/resourceGroups/rg-cache/providers/Microsoft.Cache/redis/cache1";
    public const string Cluster = $"/subscriptions/{Sub}/resourceGroups/rg-cache/providers/Microsoft.Cache/redisEnterprise/amr1";
    public const string Vm = $"/subscriptions/{Sub}/resourceGroups/rg-vm/providers/Microsoft.Compute/virtualMachines/vm1";
    public const string SnapshotGroup = $"/subscriptions/{Sub}/resourceGroups/rg-vm/providers/Microsoft.Compute/snapshots";

    public static string Url(string path, string apiVersion, string? extra = null) =>
        $"{path.TrimStart('/')}?api-version={apiVersion}{(extra is null ? string.Empty : "&" + extra)}";
}
