using Microsoft.AspNetCore.Http;

namespace Scalewise.Simulator.Wire;

/// <summary>
/// The list operations per resource group the tick reads its targets with (VirtualMachineScaleSets_List,
/// VirtualMachines_List, Redis_ListByResourceGroup, RedisEnterprise_ListByResourceGroup): every resource of the type in
/// the group, each as its GET answers it, in one page (the definitions' <c>nextLink</c> is left out: there is no next page).
/// </summary>
internal sealed class ResourceGroupListRoutes(Estate estate)
{
    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers <c>/subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}</c>; false when the path is no such list.</summary>
    public async Task<bool> TryListAsync(HttpContext context, string[] segments)
    {
        if (segments.Length != 7 || !Is(segments[0], "subscriptions") || !Is(segments[2], "resourceGroups") || !Is(segments[4], "providers"))
        {
            return false;
        }

        var (subscription, group, provider, type) = (segments[1], segments[3], segments[5], segments[6]);
        bool InGroup(string sub, string rg) => sub.Equals(subscription, StringComparison.OrdinalIgnoreCase) && rg.Equals(group, StringComparison.OrdinalIgnoreCase);
        IEnumerable<JsonObject>? items = (provider.ToUpperInvariant(), type.ToUpperInvariant()) switch
        {
            ("MICROSOFT.COMPUTE", "VIRTUALMACHINESCALESETS") => estate.ScaleSets
                .Where(s => InGroup(s.SubscriptionId, s.ResourceGroup))
                .OrderBy(s => s.ResourceId, StringComparer.OrdinalIgnoreCase)
                .Select(s => ScaleSetJson.ScaleSet(s, s.Snapshot())),
            ("MICROSOFT.COMPUTE", "VIRTUALMACHINES") => estate.VirtualMachines
                .Where(v => InGroup(v.ParsedId.SubscriptionId, v.ResourceGroup))
                .OrderBy(v => v.ResourceId, StringComparer.OrdinalIgnoreCase)
                .Select(v => VirtualMachineJson.VirtualMachine(v, expandInstanceView: false)),
            ("MICROSOFT.CACHE", "REDIS") => estate.RedisCaches
                .Where(c => InGroup(c.ParsedId.SubscriptionId, c.ParsedId.ResourceGroup))
                .OrderBy(c => c.ResourceId, StringComparer.OrdinalIgnoreCase)
                .Select(RedisJson.Cache),
            ("MICROSOFT.CACHE", "REDISENTERPRISE") => estate.RedisEnterprises
                .Where(c => InGroup(c.ParsedId.SubscriptionId, c.ParsedId.ResourceGroup))
                .OrderBy(c => c.ResourceId, StringComparer.OrdinalIgnoreCase)
                .Select(RedisJson.Enterprise),
            _ => null,
        };

        if (items is null)
        {
            return false;
        }

        await RequestRouter.RequireMethod(
            context,
            HttpMethods.Get,
            () => WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["value"] = new JsonArray([.. items]) })).ConfigureAwait(false);
        return true;
    }
}
