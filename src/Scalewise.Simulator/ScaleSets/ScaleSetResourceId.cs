using System.Diagnostics.CodeAnalysis;

namespace Scalewise.Simulator.ScaleSets;

/// <summary>The parts of a scale set's ARM resource id.</summary>
internal sealed record ScaleSetResourceId(string SubscriptionId, string ResourceGroup, string Name)
{
    public string Id => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/{Name}";

    public static bool TryParse(string? resourceId, [NotNullWhen(true)] out ScaleSetResourceId? parsed)
    {
        parsed = ArmResourceId.TryParse(resourceId, "Microsoft.Compute", "virtualMachineScaleSets", out var id)
            ? new ScaleSetResourceId(id.SubscriptionId, id.ResourceGroup, id.Name)
            : null;
        return parsed is not null;
    }
}
