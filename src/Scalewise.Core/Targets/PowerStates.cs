namespace Scalewise.Core.Targets;

/// <summary>
/// A VM's power states as its instance view reports them (status code <c>PowerState/{state}</c>): what the adapters read
/// and the estate simulator answers.
/// </summary>
public static class PowerStates
{
    public const string CodePrefix = "PowerState/";
    public const string Running = "running";
    public const string Starting = "starting";
    public const string Deallocating = "deallocating";
    public const string Deallocated = "deallocated";
}
