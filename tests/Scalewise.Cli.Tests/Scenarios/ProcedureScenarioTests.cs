using System.Text.Json;
using Scalewise.Cli.Local;
using Spectre.Console;

namespace Scalewise.Cli.Tests.Scenarios;

/// <summary>The procedure scenarios of <c>scalewise run</c>, end to end at 60x: each ends by itself with its expected outcome recorded.</summary>
public sealed class ProcedureScenarioTests
{
    [Fact]
    public async Task Run_VerifyFailsRollback_FirstProcedureRollsBackAndTheRetrySucceeds()
    {
        var (procedures, output) = await RunAsync("verify-fails-rollback");

        var first = procedures[0];
        Assert.True(first.GetProperty("outcome").GetString() == "RolledBack", output);
        Assert.Equal(2, first.GetProperty("from").GetInt32());
        var steps = first.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("rollback", steps);
        Assert.Contains(first.GetProperty("steps").EnumerateArray(), s => s.GetProperty("name").GetString() == "verify" && s.GetProperty("result").GetString()!.StartsWith("failed", StringComparison.Ordinal));
        Assert.Contains(procedures.Skip(1), p => p.GetProperty("outcome").GetString() == "Succeeded");
    }

    [Fact]
    public async Task Run_Approval_ScenarioApprovesOverHttpAndTheProcedureSucceeds()
    {
        var (procedures, output) = await RunAsync("approval");

        Assert.NotEmpty(procedures);
        var first = procedures[0];
        Assert.True(first.GetProperty("outcome").GetString() == "Succeeded", output);
        Assert.Contains(first.GetProperty("steps").EnumerateArray(), s => s.GetProperty("name").GetString() == "approval" && s.GetProperty("result").GetString()!.StartsWith("approved by operator@scalewise.local", StringComparison.Ordinal));
        Assert.Contains("/approve → 202", output, StringComparison.Ordinal);
    }

    private static async Task<(List<JsonElement> Procedures, string Output)> RunAsync(string scenario)
    {
        var summaryFile = new FileInfo(Path.Combine(Path.GetTempPath(), $"scalewise-{scenario}-{Guid.NewGuid():N}.json"));
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var exit = await new LocalRun(new RunOptions(scenario, summaryFile, Speed: 60, Port: 0, StorageConnectionString: null), console).ExecuteAsync(timeout.Token);

        Assert.Equal(0, exit);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile.FullName, timeout.Token));
        summaryFile.Delete();
        return ([.. summary.RootElement.GetProperty("procedures").EnumerateArray().Select(p => p.Clone())], output.ToString());
    }
}
