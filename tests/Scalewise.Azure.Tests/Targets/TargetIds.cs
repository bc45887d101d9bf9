namespace Scalewise.Azure.Tests.Targets;

internal static class TargetIds
{
    public const string Cache = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-cache/providers/Microsoft.Cache/redis/cache1";
    public const string Cluster = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-cache/providers/Microsoft.Cache/redisEnterprise/amr1";
    public const string Vm = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-vm/providers/Microsoft.Compute/virtualMachines/vm1";
}
