namespace Scalewise.Core.Targets;

/// <summary>The kinds of Azure resource Scalewise can size.</summary>
public enum TargetKind
{
    VirtualMachineScaleSet,
    VirtualMachine,
    RedisCache,

    /// <summary>Azure Managed Redis (<c>Microsoft.Cache/redisEnterprise</c>), scaled among the SKUs its <c>listSkusForScaling</c> returns.</summary>
    RedisEnterprise,
}
