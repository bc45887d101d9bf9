namespace Scalewise.Core.Targets;

/// <summary>
/// The ARM resource id each target kind has: its provider namespace and resource type. The one place a new target kind
/// states its id (the validator and the autoscale importer read it).
/// </summary>
public static class TargetResourceIds
{
    /// <summary>The provider namespace and resource type of <paramref name="kind"/>'s ARM id.</summary>
    public static (string Namespace, string Type) ProviderType(TargetKind kind) => kind switch
    {
        TargetKind.VirtualMachineScaleSet => ("Microsoft.Compute", "virtualMachineScaleSets"),
        TargetKind.VirtualMachine => ("Microsoft.Compute", "virtualMachines"),
        TargetKind.RedisCache => ("Microsoft.Cache", "redis"),
        TargetKind.RedisEnterprise => ("Microsoft.Cache", "redisEnterprise"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown target kind."),
    };

    /// <summary>The id's form, as error messages show it.</summary>
    public static string Template(TargetKind kind)
    {
        var (provider, type) = ProviderType(kind);
        return $"/subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroup}}/providers/{provider}/{type}/{{name}}";
    }

    /// <summary>True when <paramref name="resourceId"/> is the ARM id of a resource of <paramref name="kind"/>.</summary>
    public static bool IsIdOf(TargetKind kind, string? resourceId)
    {
        if (string.IsNullOrEmpty(resourceId) || !resourceId.StartsWith('/'))
        {
            return false;
        }

        var (provider, type) = ProviderType(kind);
        var segments = resourceId[1..].Split('/');
        return segments.Length == 8
            && segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            && segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            && segments[4].Equals("providers", StringComparison.OrdinalIgnoreCase)
            && segments[5].Equals(provider, StringComparison.OrdinalIgnoreCase)
            && segments[6].Equals(type, StringComparison.OrdinalIgnoreCase)
            && !Array.Exists(segments, s => s.Length == 0);
    }

    /// <summary>The first of <paramref name="kinds"/> whose id <paramref name="resourceId"/> is; null when none.</summary>
    public static TargetKind? KindOf(string resourceId, params ReadOnlySpan<TargetKind> kinds)
    {
        foreach (var kind in kinds)
        {
            if (IsIdOf(kind, resourceId))
            {
                return kind;
            }
        }

        return null;
    }
}
