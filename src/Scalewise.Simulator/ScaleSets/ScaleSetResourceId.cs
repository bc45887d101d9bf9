using System.Diagnostics.CodeAnalysis;

namespace Scalewise.Simulator.ScaleSets;

/// <summary>The parts of a scale set's ARM resource id.</summary>
internal sealed record ScaleSetResourceId(string SubscriptionId, string ResourceGroup, string Name)
{
    public string Id => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/{Name}";

    public static bool TryParse(string? resourceId, [NotNullWhen(true)] out ScaleSetResourceId? parsed)
    {
        parsed = null;
        if (string.IsNullOrEmpty(resourceId))
        {
            return false;
        }

        var segments = resourceId.Trim('/').Split('/');
        if (segments.Length != 8
            || !segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            || !segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            || !segments[4].Equals("providers", StringComparison.OrdinalIgnoreCase)
            || !segments[5].Equals("Microsoft.Compute", StringComparison.OrdinalIgnoreCase)
            || !segments[6].Equals("virtualMachineScaleSets", StringComparison.OrdinalIgnoreCase)
            || Array.Exists(segments, string.IsNullOrWhiteSpace))
        {
            return false;
        }

        parsed = new ScaleSetResourceId(segments[1], segments[3], segments[7]);
        return true;
    }
}
