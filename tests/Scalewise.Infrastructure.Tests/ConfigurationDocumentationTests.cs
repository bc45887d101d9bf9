using System.Text.Json.Nodes;

namespace Scalewise.Infrastructure.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed class ConfigurationDocumentationTests(CompiledMainTemplate compiled)
{
    private static readonly string ConfigurationDoc = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "configuration.md"));

    [Fact]
    public void ConfigurationDoc_ComparedWithTemplate_DocumentsEveryDeployedSetting()
    {
        Assert.All(CompiledAppSettings.Names(compiled), name =>
            Assert.True(ConfigurationDoc.Contains($"| `{name}` |", StringComparison.Ordinal), $"docs/configuration.md has no row for {name}."));
    }

    [Fact]
    public void ConfigurationDoc_ComparedWithLocalSample_DocumentsEveryLocalSetting()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "local.settings.sample.json")))!;

        Assert.False((bool)sample["IsEncrypted"]!);
        Assert.All(sample["Values"]!.AsObject().Select(pair => pair.Key), name =>
            Assert.True(ConfigurationDoc.Contains($"| `{name}` |", StringComparison.Ordinal), $"docs/configuration.md has no row for {name}."));
    }

    [Fact]
    public void LocalSample_ComparedWithTemplate_MirrorsEveryDeployedScalewiseSetting()
    {
        var values = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "local.settings.sample.json")))!["Values"]!.AsObject();

        // Identity-based host storage is Azure's form of AzureWebJobsStorage; locally the connection string stands in.
        Assert.All(
            CompiledAppSettings.Names(compiled).Where(name => !name.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal)),
            name => Assert.True(values.ContainsKey(name), $"local.settings.sample.json has no {name}."));
        Assert.Equal("UseDevelopmentStorage=true", (string?)values["AzureWebJobsStorage"]);
    }
}
