namespace Scalewise.Orchestrations.Tests;

[CollectionDefinition(Name)]
public sealed class LocalEstateCollection : ICollectionFixture<LocalEstateFixture>
{
    public const string Name = "local estate";
}
