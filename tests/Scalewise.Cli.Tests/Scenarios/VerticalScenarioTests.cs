using System.Text.Json;
using Scalewise.Cli.Local;
using Spectre.Console;

namespace Scalewise.Cli.Tests.Scenarios;

/// <summary>The vertical scenarios of <c>scalewise run</c>, end to end at 60x: the policy's rule fires and the SKU steps up one rung.</summary>
public sealed class VerticalScenarioTests
{
    [Fact]
    public async Task Run_VmResize_ResizesTheVmOneRungUpAndSucceeds()
    {
        var (summary, output) = await RunAsync("vm-resize");

        var procedure = Assert.Single(summary.GetProperty("procedures").EnumerateArray());
        Assert.True(procedure.GetProperty("outcome").GetString() == "Succeeded", output);
        Assert.Equal("Standard_D2s_v3", procedure.GetProperty("fromSku").GetString());
        Assert.Equal("Standard_D4s_v3", procedure.GetProperty("toSku").GetString());
        Assert.Equal(["guard", "checkSize", "snapshot", "resize", "warmUp", "verify", "cleanup", "notify"], StepNames(procedure));
        Assert.Equal(1, summary.GetProperty("stepsUp").GetInt32());
        Assert.Equal(0, summary.GetProperty("scaleOuts").GetInt32());
        Assert.Contains("VM Standard_D4s_v3 running", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RedisScaleUp_ScalesTheCacheOneRungUpAndVerifiesServerLoad()
    {
        var (summary, output) = await RunAsync("redis-scale-up");

        var procedure = Assert.Single(summary.GetProperty("procedures").EnumerateArray());
        Assert.True(procedure.GetProperty("outcome").GetString() == "Succeeded", output);
        Assert.Equal("Standard_C1", procedure.GetProperty("fromSku").GetString());
        Assert.Equal("Standard_C2", procedure.GetProperty("toSku").GetString());
        Assert.Equal(["guard", "plan", "apply", "waitForProvisioning", "warmUp", "verify", "notify"], StepNames(procedure));
        var verify = procedure.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "verify");
        Assert.StartsWith("passed", verify.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Contains("serverLoad", verify.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, summary.GetProperty("stepsUp").GetInt32());
    }

    private static List<string?> StepNames(JsonElement procedure) =>
        [.. procedure.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString())];

    private static async Task<(JsonElement Summary, string Output)> RunAsync(string scenario)
    {
        var summaryFile = new FileInfo(Path.Combine(Path.GetTempPath(), $"scalewise-{scenario}-{Guid.NewGuid():N}.json"));
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var exit = await new LocalRun(new RunOptions(scenario, summaryFile, Speed: 60, Port: 0, StorageConnectionString: null), console).ExecuteAsync(timeout.Token);

        Assert.Equal(0, exit);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile.FullName, timeout.Token));
        summaryFile.Delete();
        return (summary.RootElement.Clone(), output.ToString());
    }
}
