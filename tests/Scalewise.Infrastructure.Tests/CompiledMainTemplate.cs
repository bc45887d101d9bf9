using System.Text.Json.Nodes;

namespace Scalewise.Infrastructure.Tests;

/// <summary>infra-bicep/main.bicep compiled once per test class with the packaged bicep CLI.</summary>
public sealed class CompiledMainTemplate : IAsyncLifetime
{
    private readonly string outputDirectory = Path.Combine(Path.GetTempPath(), $"scalewise-bicep-{Guid.NewGuid():N}");

    internal ProcessResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    internal JsonObject Template { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(outputDirectory);
        var outputFile = Path.Combine(outputDirectory, "main.json");
        Build = await BicepCli.BuildAsync(RepositoryLayout.MainTemplate, outputFile);
        if (Build.ExitCode == 0)
        {
            Template = JsonNode.Parse(await File.ReadAllTextAsync(outputFile))!.AsObject();
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(outputDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every resource of the template and of the module templates nested in it.</summary>
    internal IReadOnlyList<ArmResource> Resources
    {
        get
        {
            Assert.True(Build.ExitCode == 0, $"bicep build failed: {Build.Describe()}");
            var all = new List<ArmResource>();
            Collect(Template, deployment: null, all);
            return all;
        }
    }

    internal IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    internal ArmResource Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"Expected one {type}, found {matches.Count}.");
        return matches[0];
    }

    private static void Collect(JsonObject template, ArmResource? deployment, List<ArmResource> all)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(node => node!.AsObject()),
            JsonObject symbolic => symbolic.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };
        foreach (var body in resources)
        {
            var resource = new ArmResource(body, template, deployment);
            all.Add(resource);
            if (resource.Type == "Microsoft.Resources/deployments" && resource.Properties["template"] is JsonObject nested)
            {
                Collect(nested, resource, all);
            }
        }
    }
}
