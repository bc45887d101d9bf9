namespace Scalewise.Simulator.VirtualMachines;

/// <summary>The power states a simulated VM reports (instance view code <c>PowerState/{state}</c>).</summary>
public static class VmPowerStates
{
    public const string Running = "running";
    public const string Starting = "starting";
    public const string Deallocating = "deallocating";
    public const string Deallocated = "deallocated";
}
