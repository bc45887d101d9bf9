using System.Diagnostics.CodeAnalysis;

namespace Scalewise.Simulator;

/// <summary>/subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}, for the resource types beyond scale sets.</summary>
internal sealed record ArmResourceId(string SubscriptionId, string ResourceGroup, string Namespace, string Type, string Name)
{
    public string Id => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{Namespace}/{Type}/{Name}";

    public string ResourceGroupPrefix => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers";

    public static ArmResourceId Parse(string? resourceId, string expectedNamespace, string expectedType) =>
        TryParse(resourceId, expectedNamespace, expectedType, out var id)
            ? id
            : throw new ArgumentException(
                $"'{resourceId}' is not a {expectedNamespace}/{expectedType} resource id; expected /subscriptions/{{sub}}/resourceGroups/{{rg}}/providers/{expectedNamespace}/{expectedType}/{{name}}.",
                nameof(resourceId));

    public static bool TryParse(string? resourceId, string expectedNamespace, string expectedType, [NotNullWhen(true)] out ArmResourceId? parsed)
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
            || !segments[5].Equals(expectedNamespace, StringComparison.OrdinalIgnoreCase)
            || !segments[6].Equals(expectedType, StringComparison.OrdinalIgnoreCase)
            || Array.Exists(segments, string.IsNullOrWhiteSpace))
        {
            return false;
        }

        parsed = new ArmResourceId(segments[1], segments[3], expectedNamespace, expectedType, segments[7]);
        return true;
    }
}
