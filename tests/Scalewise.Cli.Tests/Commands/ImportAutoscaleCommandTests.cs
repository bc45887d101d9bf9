using Scalewise.Cli.Commands;
using Scalewise.Core.Policies;

namespace Scalewise.Cli.Tests.Commands;

public sealed class ImportAutoscaleCommandTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("scalewise-import-");

    [Fact]
    public async Task ImportAutoscale_OfficialExample_PrintsAValidPolicyAndWarnsOnStderr()
    {
        var run = await CommandRun.InvokeAsync(ImportAutoscaleCommand.Create(), "import-autoscale", CommandRun.RestExample("monitor/createOrUpdateAutoscaleSetting.json"));

        Assert.Equal(0, run.ExitCode);
        var parsed = PolicyDocument.Parse(run.Output);
        Assert.True(parsed.IsValid, string.Join(Environment.NewLine, parsed.Errors));
        Assert.Equal("testingsc", parsed.Policy!.Id);
        Assert.Contains("warning: $.parameters.parameters.properties.profiles[0]: profile 'adios'", run.Error, StringComparison.Ordinal);
        Assert.Contains("notifications[0]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAutoscale_WithOutAndId_WritesThePolicyAndTheWarningsBesideIt()
    {
        var policyFile = Path.Combine(directory.FullName, "web.json");

        var run = await CommandRun.InvokeAsync(
            ImportAutoscaleCommand.Create(),
            "import-autoscale", CommandRun.RestExample("monitor/getAutoscaleSetting.json"), "--out", policyFile, "--id", "web-tier");

        Assert.Equal(0, run.ExitCode);
        var parsed = PolicyDocument.Parse(await File.ReadAllTextAsync(policyFile));
        Assert.True(parsed.IsValid);
        Assert.Equal("web-tier", parsed.Policy!.Id);
        var warnings = await File.ReadAllLinesAsync(Path.Combine(directory.FullName, "web.warnings.txt"));
        Assert.Contains(warnings, w => w.Contains("predictive autoscale", StringComparison.Ordinal));
        Assert.Contains("web.warnings.txt", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAutoscale_NotAnAutoscaleSetting_ExitsOneWithTheError()
    {
        var file = Path.Combine(directory.FullName, "policy.json");
        await File.WriteAllTextAsync(file, """{"version": 1}""");

        var run = await CommandRun.InvokeAsync(ImportAutoscaleCommand.Create(), "import-autoscale", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not an autoscale setting", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task ImportAutoscale_MissingFile_ExitsTwo()
    {
        var run = await CommandRun.InvokeAsync(ImportAutoscaleCommand.Create(), "import-autoscale", Path.Combine(directory.FullName, "missing.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot be read", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Delete(recursive: true);
}
