namespace Scalewise.Infrastructure.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed class MonitoringTemplateTests(CompiledMainTemplate compiled)
{
    [Fact]
    public void ApplicationInsights_Compiled_DisablesLocalAuthentication()
    {
        var applicationInsights = compiled.Single("Microsoft.Insights/components");

        Assert.True((bool)applicationInsights.Properties["DisableLocalAuth"]!);
    }

    [Fact]
    public void ApplicationInsights_Compiled_SendsToALogAnalyticsWorkspace()
    {
        var applicationInsights = compiled.Single("Microsoft.Insights/components");
        var workspace = compiled.Single("Microsoft.OperationalInsights/workspaces");

        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string)applicationInsights.Properties["WorkspaceResourceId"]!, StringComparison.Ordinal);
        Assert.Equal(workspace.ModuleName, applicationInsights.ModuleName);
    }

    [Fact]
    public void ApplicationInsights_Compiled_LetsTheIdentityPublishTelemetry()
    {
        var module = compiled.Single("Microsoft.Insights/components").ModuleName;

        Assert.Contains(
            compiled.OfType("Microsoft.Authorization/roleAssignments").Where(assignment => assignment.ModuleName == module),
            assignment => RoleDefinitions.GrantedBy(assignment) == RoleDefinitions.MonitoringMetricsPublisher);
    }

    [Fact]
    public void KeyVault_Compiled_UsesRbacAndGrantsTheIdentitySecretsUser()
    {
        var vault = compiled.Single("Microsoft.KeyVault/vaults");

        Assert.True((bool)vault.Properties["enableRbacAuthorization"]!);
        Assert.Contains(
            compiled.OfType("Microsoft.Authorization/roleAssignments").Where(assignment => assignment.ModuleName == vault.ModuleName),
            assignment => RoleDefinitions.GrantedBy(assignment) == RoleDefinitions.KeyVaultSecretsUser);
    }

    [Fact]
    public void EventGridTopic_Compiled_DisablesKeysAndGrantsTheIdentityDataSender()
    {
        var topic = compiled.Single("Microsoft.EventGrid/topics");

        Assert.True((bool)topic.Properties["disableLocalAuth"]!);
        Assert.Contains(
            compiled.OfType("Microsoft.Authorization/roleAssignments").Where(assignment => assignment.ModuleName == topic.ModuleName),
            assignment => RoleDefinitions.GrantedBy(assignment) == RoleDefinitions.EventGridDataSender);
    }
}
