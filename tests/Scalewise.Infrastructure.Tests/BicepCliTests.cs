using System.Text.Json.Nodes;

namespace Scalewise.Infrastructure.Tests;

[Collection(CompiledMainTemplateCollection.Name)]
public sealed class BicepCliTests(CompiledMainTemplate compiled)
{
    [Fact]
    public void Build_MainTemplate_SucceedsWithoutWarnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.Describe());
        Assert.True(string.IsNullOrWhiteSpace(compiled.Build.StandardError), $"bicep build reported: {compiled.Build.StandardError}");
    }

    [Fact]
    public async Task Lint_MainTemplateAndModules_ReportsNothing()
    {
        var lint = await BicepCli.LintAsync(RepositoryLayout.MainTemplate);

        Assert.True(lint.ExitCode == 0, lint.Describe());
        Assert.True(string.IsNullOrWhiteSpace(lint.StandardError) && string.IsNullOrWhiteSpace(lint.StandardOutput), lint.Describe());
    }

    [Fact]
    public async Task ParametersFile_ComparedWithTemplate_NamesOnlyDeclaredParametersAndEveryRequiredOne()
    {
        var file = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryLayout.MainParameters))!;
        var given = file["parameters"]!.AsObject().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var declared = compiled.Template["parameters"]!.AsObject();

        Assert.All(given, name => Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare."));
        Assert.All(
            declared.Where(pair => pair.Value!["defaultValue"] is null).Select(pair => pair.Key),
            required => Assert.Contains(required, given));
    }
}
