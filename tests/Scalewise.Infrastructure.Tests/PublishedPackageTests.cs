using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scalewise.Infrastructure.Tests;

public sealed partial class PublishedPackageTests(PublishedFunctionsApp published) : IClassFixture<PublishedFunctionsApp>
{
    private const string DurableExtensionAssembly = "Microsoft.Azure.WebJobs.Extensions.DurableTask.dll";

    [Fact]
    public void Publish_FunctionsApp_WritesFunctionsMetadataWithEveryFunction()
    {
        published.AssertPublished();

        var functions = JsonNode.Parse(File.ReadAllText(published.PathOf("functions.metadata")))!.AsArray();

        Assert.NotEmpty(functions);
        Assert.All(functions, function =>
        {
            Assert.False(string.IsNullOrEmpty((string?)function!["name"]));
            Assert.Equal("dotnet-isolated", (string?)function["language"]);
        });
    }

    [Fact]
    public void Publish_FunctionsApp_WritesWorkerConfigThatPointsAtTheWorker()
    {
        published.AssertPublished();

        var description = JsonNode.Parse(File.ReadAllText(published.PathOf("worker.config.json")))!["description"]!;
        var workerPath = (string)description["defaultWorkerPath"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.True(File.Exists(published.PathOf(workerPath)), $"worker.config.json names {workerPath}, which is not in the package.");
    }

    [Fact]
    public void Publish_FunctionsApp_BundlesTheDurableHostExtension()
    {
        published.AssertPublished();

        Assert.True(File.Exists(published.PathOf(".azurefunctions", DurableExtensionAssembly)), $".azurefunctions/{DurableExtensionAssembly} is missing from the package.");
        Assert.True(File.Exists(published.PathOf(".azurefunctions", "DurableTask.AzureStorage.dll")), "The Durable Azure Storage backend is missing from .azurefunctions/.");
    }

    [Fact]
    public void Publish_FunctionsApp_RegistersHostExtensionsTheHostCanLoad()
    {
        published.AssertPublished();

        var extensions = JsonNode.Parse(File.ReadAllText(published.PathOf("extensions.json")))!["extensions"]!.AsArray();

        Assert.Contains(extensions, extension => (string?)extension!["name"] == "DurableTask");
        Assert.All(extensions, extension =>
        {
            var hintPath = (string)extension!["hintPath"]!;
            Assert.True(File.Exists(Path.GetFullPath(hintPath, published.Directory)), $"extensions.json points at {hintPath}, which is not in the package.");
        });
    }

    [Fact]
    public void Publish_FunctionsApp_ShipsHostJsonWithTheAzureStorageTaskHub()
    {
        published.AssertPublished();

        var host = JsonNode.Parse(File.ReadAllText(published.PathOf("host.json")))!;
        var durable = host["extensions"]!["durableTask"]!;

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("%DurableTaskHubName%", (string?)durable["hubName"]);
        Assert.Equal("AzureStorage", (string?)durable["storageProvider"]!["type"]);
        Assert.False(File.Exists(published.PathOf("local.settings.json")), "local.settings.json must never be published.");
    }

    [Fact]
    public async Task Publish_FunctionsApp_EveryBindingSettingIsDeployedAndInTheLocalSample()
    {
        published.AssertPublished();
        var metadata = await File.ReadAllTextAsync(published.PathOf("functions.metadata"));
        var host = await File.ReadAllTextAsync(published.PathOf("host.json"));
        var bicep = await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.InfraDirectory, "app", "function-app.bicep"));
        var localValues = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "local.settings.sample.json")))!["Values"]!.AsObject();

        var referenced = SettingReference().Matches(metadata + host).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("EvaluatePoliciesSchedule", referenced);
        Assert.All(referenced, setting =>
        {
            Assert.Contains($"{setting}:", bicep, StringComparison.Ordinal);
            Assert.True(localValues.ContainsKey(setting), $"local.settings.sample.json has no {setting}.");
        });
    }

    // %Name% binding expressions, resolved from app settings when the host indexes the functions.
    [GeneratedRegex("%([A-Za-z_][A-Za-z0-9_:]*)%")]
    private static partial Regex SettingReference();
}
