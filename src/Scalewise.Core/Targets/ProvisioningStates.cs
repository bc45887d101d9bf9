namespace Scalewise.Core.Targets;

/// <summary>ARM provisioning states Scalewise reasons about.</summary>
public static class ProvisioningStates
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Canceled = "Canceled";
    public const string Updating = "Updating";
    public const string Creating = "Creating";

    public static bool IsTerminal(string state) =>
        string.Equals(state, Succeeded, StringComparison.OrdinalIgnoreCase)
        || string.Equals(state, Failed, StringComparison.OrdinalIgnoreCase)
        || string.Equals(state, Canceled, StringComparison.OrdinalIgnoreCase);

    public static bool IsSucceeded(string? state) => string.Equals(state, Succeeded, StringComparison.OrdinalIgnoreCase);
}
