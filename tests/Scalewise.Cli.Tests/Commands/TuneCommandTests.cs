using System.CommandLine;
using System.Text.Json;
using Scalewise.Cli.Commands;
using Spectre.Console;
using static Scalewise.Cli.Tests.Commands.TraceSamples;

namespace Scalewise.Cli.Tests.Commands;

/// <summary><c>scalewise tune</c> end to end on a small generated trace: where it tunes, where it reports, what it writes.</summary>
public sealed class TuneCommandTests() : CommandTestBase("scalewise-tune-")
{
    [Fact]
    public async Task Tune_ThreeDays_ReportsOnlyOnTheLastThirdItNeverTunedOn()
    {
        var report = Path.Combine(work.FullName, "report");

        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 3)), "--policy", WebDefaultPolicy(), "--out", Tuned(), "--report", report);

        Assert.True(exit == 0, output.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "report.json")));
        var root = json.RootElement;
        var tuning = root.GetProperty("tuning");
        var heldOutStart = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero).AddMinutes(2880);
        Assert.Equal(2880, tuning.GetProperty("tunedMinutes").GetInt32());
        Assert.Equal(heldOutStart, root.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(1440, root.GetProperty("minutes").GetInt32());
        Assert.Equal(heldOutStart, tuning.GetProperty("reportedFrom").GetDateTimeOffset());
        Assert.Equal(["original", "tuned", "static-peak", "azure-autoscale", "hpa", "react", "hist", "oracle"], root.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("tuned", root.GetProperty("sameCost").GetProperty("strategy").GetString());
        Assert.Equal(5, root.GetProperty("frontiers").GetArrayLength());
    }

    [Fact]
    public async Task Tune_AnyTrace_WritesAValidPolicyThatSaysWhatChanged()
    {
        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 3)), "--policy", WebDefaultPolicy(), "--max-violation-minutes", "60", "--out", Tuned());

        Assert.True(exit == 0, output.ToString());
        var parsed = Core.Policies.PolicyDocument.Parse(await File.ReadAllTextAsync(Tuned()));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Contains("Tuned by scalewise tune on trace.csv, 2,880 minutes", parsed.Policy!.Description, StringComparison.Ordinal);
        Assert.Contains("within 60 SLO-violation minutes", parsed.Policy.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tune_TraceTooShortToSplit_Exit2NamingTheTrace()
    {
        var exit = await InvokeAsync("--trace", WriteTrace("timestamp,requests\n2025-03-03T00:00:00Z,10\n2025-03-03T00:01:00Z,10\n"), "--policy", WebDefaultPolicy(), "--out", Tuned());

        Assert.Equal(2, exit);
        Assert.Contains("trace.csv", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Tuned()));
    }

    [Fact]
    public async Task Tune_NegativeBudget_Exit2NamingTheOption()
    {
        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 1)), "--policy", WebDefaultPolicy(), "--max-violation-minutes", "-1");

        Assert.Equal(2, exit);
        Assert.Contains("--max-violation-minutes", output.ToString(), StringComparison.Ordinal);
    }

    private string Tuned() => Path.Combine(work.FullName, "tuned.json");

    protected override Command Create(IAnsiConsole console) => TuneCommand.Create(console);
}
