namespace Scalewise.Infrastructure.Tests;

/// <summary>Test classes that share one compilation of main.bicep.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledMainTemplateCollection : ICollectionFixture<CompiledMainTemplate>
{
    public const string Name = "Compiled main template";
}
