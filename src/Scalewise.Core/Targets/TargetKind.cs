namespace Scalewise.Core.Targets;

/// <summary>The kinds of Azure resource Scalewise can size.</summary>
public enum TargetKind
{
    VirtualMachineScaleSet,
    VirtualMachine,
    RedisCache,
}
