namespace Scalewise.Orchestrations.Activities;

/// <summary>Links into the Azure portal for a resource.</summary>
public static class PortalLinks
{
    public static string ForResource(string resourceId) => $"https://portal.azure.com/#resource{resourceId}/overview";
}
