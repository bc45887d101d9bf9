namespace Scalewise.Infrastructure.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed class StorageTemplateTests(CompiledMainTemplate compiled)
{
    private const string StorageAccountType = "Microsoft.Storage/storageAccounts";

    [Fact]
    public void StorageAccount_Compiled_DisallowsSharedKeyAccess()
    {
        var storage = compiled.Single(StorageAccountType);

        Assert.False((bool)storage.Properties["allowSharedKeyAccess"]!);
        Assert.False((bool)storage.Properties["allowBlobPublicAccess"]!);
    }

    [Fact]
    public void StorageAccount_Compiled_RequiresHttpsWithTls12OrHigher()
    {
        var storage = compiled.Single(StorageAccountType);

        Assert.Contains((string)storage.Properties["minimumTlsVersion"]!, new[] { "TLS1_2", "TLS1_3" });
        Assert.True((bool)storage.Properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void StorageAccount_Compiled_HasThePrivateDeploymentContainer()
    {
        var container = compiled.Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", (string)container.Properties["publicAccess"]!);
        Assert.Equal(compiled.Single(StorageAccountType).ModuleName, container.ModuleName);
    }

    [Fact]
    public void StorageRoles_Compiled_CoverBlobsQueuesAndTablesForTheDurableBackend()
    {
        var storageModule = compiled.Single(StorageAccountType).ModuleName;
        var granted = compiled.OfType("Microsoft.Authorization/roleAssignments")
            .Where(assignment => assignment.ModuleName == storageModule)
            .Select(RoleDefinitions.GrantedBy)
            .ToHashSet();

        Assert.Equal(
            new HashSet<string>
            {
                RoleDefinitions.StorageBlobDataOwner,
                RoleDefinitions.StorageQueueDataContributor,
                RoleDefinitions.StorageTableDataContributor,
            },
            granted);
    }
}
