using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Scalewise.Cli.Commands;
using Spectre.Console;
using static Scalewise.Cli.Tests.Commands.TraceSamples;

namespace Scalewise.Cli.Tests.Commands;

/// <summary><c>scalewise simulate</c> end to end on a small generated trace: the three report files, every strategy, every field.</summary>
public sealed class SimulateCommandTests() : CommandTestBase("scalewise-simulate-")
{
    private static readonly string[] Strategies = ["scalewise", "static-peak", "azure-autoscale", "hpa", "react", "hist", "oracle"];

    private static readonly string[] Fields = ["name", "sloViolationMinutes", "instanceMinutes", "cost", "thetaU", "thetaO", "tauU", "tauO", "jitter", "instability", "scalingActions"];

    [Fact]
    public async Task Simulate_Sweep_WritesAFrontierForEveryBaselineAndTheSameCostComparison()
    {
        var report = Path.Combine(work.FullName, "report");

        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 2)), "--policy", WebDefaultPolicy(), "--compare", "--sweep", "--report", report);

        Assert.True(exit == 0, output.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "report.json")));
        var frontiers = json.RootElement.GetProperty("frontiers").EnumerateArray().ToList();
        Assert.Equal(["static", "azure-autoscale", "hpa", "react", "hist"], frontiers.Select(f => f.GetProperty("strategy").GetString()));
        foreach (var frontier in frontiers)
        {
            var points = frontier.GetProperty("points").EnumerateArray().ToList();
            Assert.True(points.Count >= 2, $"{frontier.GetProperty("strategy")} has {points.Count} settings");
            Assert.All(points, p => Assert.True(p.GetProperty("instanceMinutes").GetInt64() > 0 && p.TryGetProperty("value", out _) && p.TryGetProperty("sloViolationMinutes", out _)));
        }

        var scalewise = json.RootElement.GetProperty("strategies")[0];
        var sameCost = json.RootElement.GetProperty("sameCost");
        Assert.Equal(scalewise.GetProperty("instanceMinutes").GetInt64(), sameCost.GetProperty("instanceMinutes").GetInt64());
        Assert.Equal(scalewise.GetProperty("sloViolationMinutes").GetInt32(), sameCost.GetProperty("sloViolationMinutes").GetInt32());
        var markdown = await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
        Assert.Contains("## Frontiers", markdown, StringComparison.Ordinal);
        Assert.True(markdown.Contains("At the policy's cost", StringComparison.Ordinal) || markdown.Contains("No baseline's frontier reaches the policy's cost", StringComparison.Ordinal), markdown);
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(report, "charts", "frontiers.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_WithoutSweep_ReportHasNoFrontiers()
    {
        var report = Path.Combine(work.FullName, "report");

        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 1)), "--policy", WebDefaultPolicy(), "--compare", "--report", report);

        Assert.True(exit == 0, output.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "report.json")));
        Assert.False(json.RootElement.TryGetProperty("frontiers", out _));
        Assert.False(File.Exists(Path.Combine(report, "charts", "frontiers.svg")));
    }

    [Fact]
    public async Task Simulate_CompareWithReport_WritesJsonMarkdownAndChartsForEveryStrategy()
    {
        var trace = WriteTrace(GeneratedTrace(days: 2));
        var report = Path.Combine(work.FullName, "report");

        var exit = await InvokeAsync("--trace", trace, "--policy", WebDefaultPolicy(), "--compare", "--report", report);

        Assert.True(exit == 0, output.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "report.json")));
        Assert.Equal("trace.csv", json.RootElement.GetProperty("trace").GetString());
        var strategies = json.RootElement.GetProperty("strategies").EnumerateArray().ToList();
        Assert.Equal(Strategies, strategies.Select(s => s.GetProperty("name").GetString()));
        foreach (var strategy in strategies)
        {
            Assert.All(Fields, field => Assert.True(strategy.TryGetProperty(field, out _), $"{strategy.GetProperty("name")} has no '{field}'"));
            Assert.True(strategy.GetProperty("instanceMinutes").GetInt64() > 0);
        }

        var oracle = strategies.Single(s => s.GetProperty("name").GetString() == "oracle");
        Assert.Equal(0, oracle.GetProperty("sloViolationMinutes").GetInt32());
        Assert.Equal(1, oracle.GetProperty("costRelativeToOracle").GetDouble());

        var markdown = await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
        Assert.Contains("| Strategy | SLO-violation minutes |", markdown, StringComparison.Ordinal);
        Assert.Contains("Cost / oracle", markdown, StringComparison.Ordinal);
        Assert.All(Strategies, name => Assert.Contains($"| {name} |", markdown, StringComparison.Ordinal));

        foreach (var name in Strategies)
        {
            var chart = await File.ReadAllTextAsync(Path.Combine(report, "charts", name + ".svg"));
            Assert.StartsWith("<svg", chart, StringComparison.Ordinal);
            Assert.Contains("ready capacity", chart, StringComparison.Ordinal);
        }

        Assert.Contains("forecast", await File.ReadAllTextAsync(Path.Combine(report, "charts", "hist.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_WithoutCompare_ReportsOnlyThePolicy()
    {
        var report = Path.Combine(work.FullName, "solo");

        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 1)), "--policy", WebDefaultPolicy(), "--report", report);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "report.json")));
        Assert.Equal(["scalewise"], json.RootElement.GetProperty("strategies").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Simulate_ModelFile_IsUsedForCapacityAndPrice()
    {
        var model = Path.Combine(work.FullName, "model.json");
        await File.WriteAllTextAsync(model, """{"capacityPerInstance": 50, "provisioningDelay": "PT1M", "warmUp": "PT0S", "pricePerInstanceHour": 1.5}""");
        var report = Path.Combine(work.FullName, "modelled");

        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 1)), "--policy", WebDefaultPolicy(), "--model", model, "--report", report);

        Assert.True(exit == 0, output.ToString());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "report.json")));
        var written = json.RootElement.GetProperty("model");
        Assert.Equal(50, written.GetProperty("capacityPerInstance").GetDouble());
        Assert.Equal(1.5, written.GetProperty("pricePerInstanceHour").GetDouble());
        var scalewise = json.RootElement.GetProperty("strategies")[0];
        Assert.Equal(Math.Round(scalewise.GetProperty("instanceMinutes").GetInt64() / 60.0 * 1.5, 2), scalewise.GetProperty("cost").GetDouble(), 2);
    }

    [Fact]
    public async Task Simulate_PredictivePolicyCalibrated_ReportsTheAccuracyOfTheForecastsItScaledOn()
    {
        var report = Path.Combine(work.FullName, "forecast");

        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 3)), "--policy", WebDefaultPolicy(), "--compare", "--calibrate", "70", "--report", report);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("Calibrated: predictive.targetPerInstance 42000 →", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("scalewise forecasts: 72 made", output.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report, "report.json")));
        Assert.Single(json.RootElement.GetProperty("calibration").EnumerateArray());
        var strategies = json.RootElement.GetProperty("strategies").EnumerateArray().ToList();
        var forecast = strategies[0].GetProperty("forecast");
        Assert.Equal("seasonal-naive", forecast.GetProperty("method").GetString());
        // Every generated day is the same, so the daily seasonal-naive scale is zero and MASE undefined (null); sMAPE
        // still counts the first day, when the forecast was the last hour repeated.
        Assert.Equal(JsonValueKind.Null, forecast.GetProperty("mase").ValueKind);
        Assert.InRange(forecast.GetProperty("smape").GetDouble(), 0.1, 200);
        Assert.Equal(71, forecast.GetProperty("scoredHours").GetInt32());
        Assert.All(strategies.Skip(1), s => Assert.False(s.TryGetProperty("forecast", out _), s.GetProperty("name").GetString()));

        var markdown = await File.ReadAllTextAsync(Path.Combine(report, "report.md"));
        Assert.Contains("## Forecast accuracy", markdown, StringComparison.Ordinal);
        Assert.Contains("| scalewise | seasonal-naive |", markdown, StringComparison.Ordinal);
        var chart = await File.ReadAllTextAsync(Path.Combine(report, "charts", "scalewise.svg"));
        Assert.Contains("demand, ready capacity and forecast", chart, StringComparison.Ordinal);
        Assert.Contains("stroke=\"#2ca02c\"", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_CalibrateOutOfRange_FailsSayingWhatIsAccepted()
    {
        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 1)), "--policy", WebDefaultPolicy(), "--calibrate", "150");

        Assert.Equal(2, exit);
        Assert.Contains("--calibrate is 150", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_BadTraceRow_FailsNamingTheLine()
    {
        var trace = WriteTrace("timestamp,requests\n2025-03-03T00:00:00Z,10\n2025-03-03T00:01:00Z,ten\n");

        var exit = await InvokeAsync("--trace", trace, "--policy", WebDefaultPolicy());

        Assert.Equal(2, exit);
        Assert.Contains("line 3", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_UnknownModelField_FailsNamingTheField()
    {
        var model = Path.Combine(work.FullName, "bad-model.json");
        await File.WriteAllTextAsync(model, """{"instancesAtPeak": 20}""");

        var exit = await InvokeAsync("--trace", WriteTrace(GeneratedTrace(days: 1)), "--policy", WebDefaultPolicy(), "--model", model);

        Assert.Equal(2, exit);
        Assert.Contains("instancesAtPeak", output.ToString(), StringComparison.Ordinal);
    }

    protected override Command Create(IAnsiConsole console) => SimulateCommand.Create(console);
}
