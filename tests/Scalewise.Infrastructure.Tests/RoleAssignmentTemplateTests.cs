using System.Text.Json.Nodes;

namespace Scalewise.Infrastructure.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed class RoleAssignmentTemplateTests(CompiledMainTemplate compiled)
{
    private const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";
    private const string DeploymentType = "Microsoft.Resources/deployments";

    [Fact]
    public void RoleAssignments_Compiled_AreNamedByGuidOfScopePrincipalAndRole()
    {
        var assignments = compiled.OfType(RoleAssignmentType);

        Assert.NotEmpty(assignments);
        Assert.All(assignments, assignment =>
        {
            Assert.StartsWith("[guid(", assignment.Name, StringComparison.Ordinal);
            Assert.Contains("parameters('principalId')", assignment.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Template_Compiled_IsDeployedToAResourceGroup()
    {
        Assert.EndsWith("/deploymentTemplate.json#", (string)compiled.Template["$schema"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_DefaultParameters_NoneAtSubscriptionScope()
    {
        // A module deployed to a subscription carries a subscriptionId without a resourceGroup; an extension
        // resource scoped to the subscription names subscription() in its scope.
        Assert.All(compiled.OfType(DeploymentType), deployment =>
            Assert.False(deployment.Body["subscriptionId"] is not null && deployment.Body["resourceGroup"] is null, $"{deployment.Name} is deployed at subscription scope."));
        Assert.All(compiled.OfType(RoleAssignmentType), assignment =>
            Assert.DoesNotContain("subscription()", assignment.Body["scope"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal));

        // The only grants outside the app's own resources are per target resource group, and there are none by default.
        var parameters = compiled.Template["parameters"]!;
        Assert.Empty(parameters["vmTargetResourceGroups"]!["defaultValue"]!.AsArray());
        Assert.Empty(parameters["redisTargetResourceGroups"]!["defaultValue"]!.AsArray());
        Assert.Empty(parameters["managedRedisTargetResourceGroups"]!["defaultValue"]!.AsArray());
        Assert.Empty(parameters["metricResourceGroups"]!["defaultValue"]!.AsArray());
    }

    [Fact]
    public void TargetAccess_Compiled_DeploysOncePerTargetResourceGroupInThatResourceGroup()
    {
        var targetAccess = TargetAccessDeployment();

        Assert.Contains("copyIndex()", (string)targetAccess.Body["resourceGroup"]!, StringComparison.Ordinal);
        Assert.Contains("length(variables('targetResourceGroups'))", (string)targetAccess.Body["copy"]!["count"]!, StringComparison.Ordinal);
        Assert.Contains("union(parameters('vmTargetResourceGroups'), parameters('redisTargetResourceGroups'), parameters('managedRedisTargetResourceGroups'), parameters('metricResourceGroups'))", (string)compiled.Template["variables"]!["targetResourceGroups"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetAccess_Compiled_GrantsMonitoringReaderUnconditionallyAndNoBroadBuiltInRole()
    {
        var assignments = TargetAccessAssignments().ToList();
        var granted = assignments.Select(RoleDefinitions.GrantedBy).ToList();

        // Monitoring Reader goes to every resource group in the union, metricResourceGroups included.
        var monitoring = Assert.Single(assignments, a => RoleDefinitions.GrantedBy(a) == RoleDefinitions.MonitoringReader);
        Assert.Null(monitoring.Body["condition"]);
        Assert.DoesNotContain(RoleDefinitions.VirtualMachineContributor, granted);
        Assert.DoesNotContain(RoleDefinitions.RedisCacheContributor, granted);
    }

    [Fact]
    public void TargetAccess_Compiled_GrantsNoContributorOrOwnerRole()
    {
        const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
        const string Contributor = "b24988ac-6180-42d9-a0ac-7a6e5b2ce84e";
        const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";

        var granted = compiled.OfType(RoleAssignmentType).Select(RoleDefinitions.GrantedBy).ToList();

        Assert.DoesNotContain(Owner, granted);
        Assert.DoesNotContain(Contributor, granted);
        Assert.DoesNotContain(UserAccessAdministrator, granted);
    }

    [Fact]
    public void ComputeScalerRole_Compiled_IsAssignableOnlyInItsResourceGroupAndHasNoWildcards()
    {
        var role = CustomRole("compute");
        var assignableScopes = role.Properties["assignableScopes"]!.AsArray();
        var actions = Actions(role);

        Assert.Equal("[resourceGroup().id]", (string)Assert.Single(assignableScopes)!);
        Assert.Equal(TargetAccessDeployment().Name, role.ModuleName);
        Assert.DoesNotContain(actions, action => action.Contains('*', StringComparison.Ordinal));
        Assert.Contains("Microsoft.Compute/virtualMachineScaleSets/write", actions);
        Assert.Contains("Microsoft.Compute/virtualMachines/write", actions);
        Assert.Contains("Microsoft.Compute/snapshots/write", actions);
        Assert.Equal(["Microsoft.Compute/snapshots/delete"], actions.Where(action => action.EndsWith("/delete", StringComparison.Ordinal)));
        Assert.DoesNotContain(actions, action => action.Contains("runCommand", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ManagedRedisScalerRole_Compiled_HoldsOnlyTheRedisEnterpriseActionsScalewiseUses()
    {
        var role = CustomRole("managed Redis");
        var actions = Actions(role);

        Assert.Equal("[resourceGroup().id]", (string)Assert.Single(role.Properties["assignableScopes"]!.AsArray())!);
        Assert.Equal(TargetAccessDeployment().Name, role.ModuleName);
        Assert.DoesNotContain(actions, action => action.Contains('*', StringComparison.Ordinal));
        Assert.DoesNotContain(actions, action => action.EndsWith("/delete", StringComparison.Ordinal));
        Assert.DoesNotContain(actions, action => action.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Microsoft.Cache/redisEnterprise/read", actions);
        Assert.Contains("Microsoft.Cache/redisEnterprise/write", actions);
        Assert.Contains("Microsoft.Cache/redisEnterprise/listSkusForScaling/action", actions);
        Assert.All(actions, action => Assert.True(action.StartsWith("Microsoft.Cache/", StringComparison.Ordinal), $"{action} is not a Redis action"));
    }

    [Fact]
    public void ManagedRedisScalerAssignment_Compiled_IsGrantedOnlyWhereManagedRedisIsListed()
    {
        var assignment = Assert.Single(TargetAccessAssignments(), a => (a.Body["properties"]?["roleDefinitionId"]?.ToJsonString() ?? string.Empty).Contains("managedRedisScalerRoleId", StringComparison.Ordinal));

        Assert.Contains("grantManagedRedis", assignment.Body["condition"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
    }

    private ArmResource CustomRole(string kind) =>
        Assert.Single(compiled.OfType("Microsoft.Authorization/roleDefinitions"), role =>
            ((string?)role.Properties["roleName"] ?? string.Empty).Contains(kind, StringComparison.Ordinal));

    private static List<string> Actions(ArmResource role) =>
        role.Properties["permissions"]!.AsArray()
            .SelectMany(permission => permission!["actions"]!.AsArray())
            .Select(action => (string)action!)
            .ToList();

    private ArmResource TargetAccessDeployment() =>
        Assert.Single(compiled.OfType(DeploymentType), deployment => deployment.Body["copy"] is JsonObject);

    private IEnumerable<ArmResource> TargetAccessAssignments()
    {
        var name = TargetAccessDeployment().Name;
        return compiled.OfType(RoleAssignmentType).Where(assignment => assignment.ModuleName == name);
    }
}
