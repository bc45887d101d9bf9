using System.Globalization;
using System.Text.Json;
using Scalewise.Cli.Local;
using Scalewise.Cli.Scenarios;
using Spectre.Console;

namespace Scalewise.Cli.Tests.Scenarios;

/// <summary>
/// The schedule, predictive and emergency scenarios of <c>scalewise run</c>, end to end at 60x (Azurite, the simulator over
/// HTTPS, the in-process Durable host): each ends by itself, records decisions of its kind, and has capacity when it counts.
/// </summary>
public sealed class TimingScenarioTests
{
    [Fact]
    public async Task Run_Schedule_NoonWindowRaisesCapacityBeforeTheRushAndMidnightWindowLowersIt()
    {
        var (summary, output) = await RunAsync(RunScenarios.Schedule);

        Assert.True(summary.GetProperty("decisionsByKind").GetProperty("scheduled").GetInt32() >= 2, output);
        var scheduled = Decisions(summary, "scheduled").Where(d => d.GetProperty("outcome").GetString() == "Scale").ToList();
        var raise = scheduled.First(d => To(d) > From(d));
        var lower = scheduled.Last(d => To(d) < From(d));
        var rush = PhaseStart(summary, "lunch rush");
        Assert.True(At(raise, "decidedAt") < rush, output);
        Assert.True(At(lower, "decidedAt") >= PhaseStart(summary, "evening"), output);
        Assert.Equal(To(raise), From(lower));
        Assert.All(Ticks(summary, "lunch rush"), t => Assert.True(t.GetProperty("capacity").GetInt32() >= To(raise), output));

        var procedures = summary.GetProperty("procedures").EnumerateArray().Where(p => p.GetProperty("kind").GetString() == "scheduled").ToList();
        Assert.Contains(procedures, p => To(p) > From(p) && p.GetProperty("outcome").GetString() == "Succeeded");
        Assert.Contains(procedures, p => To(p) < From(p) && p.GetProperty("outcome").GetString() == "Succeeded");
    }

    [Fact]
    public async Task Run_Predictive_CapacityIsReadyBeforeTheDailyPeakArrives()
    {
        var scenario = RunScenarios.Find(RunScenarios.Predictive)!;

        var (summary, output) = await RunAsync(RunScenarios.Predictive);

        Assert.True(summary.GetProperty("decisionsByKind").GetProperty("predictive").GetInt32() >= 1, output);
        var peak = PhaseStart(summary, "daily peak");
        var peakLoad = summary.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "daily peak").GetProperty("arrivalsPerSecond").GetDouble();
        var scaleOut = Decisions(summary, "predictive").First(d => d.GetProperty("outcome").GetString() == "Scale" && To(d) > From(d));
        Assert.True(At(scaleOut, "decidedAt") < peak, output);

        var lastBeforePeak = Ticks(summary, "before the peak").Last();
        Assert.True(At(lastBeforePeak, "at") < peak);
        var ready = lastBeforePeak.GetProperty("readyInstances").GetInt32();
        Assert.True(ready > scenario.InitialCapacity, output);
        Assert.True(ready * scenario.RequestsPerSecondPerInstance >= peakLoad, $"{ready} instances ready before a peak of {peakLoad} rps\n{output}");
        Assert.Contains(summary.GetProperty("procedures").EnumerateArray(), p => p.GetProperty("kind").GetString() == "predictive" && p.GetProperty("outcome").GetString() == "Succeeded");
    }

    [Fact]
    public async Task Run_Emergency_OneSizedScaleUpIssuedByTheFirstCheckAfterTheSpikeShowsInMetrics()
    {
        var scenario = RunScenarios.Find(RunScenarios.Emergency)!;

        var (summary, output) = await RunAsync(RunScenarios.Emergency);

        Assert.Equal(1, summary.GetProperty("decisionsByKind").GetProperty("emergency").GetInt32());
        Assert.Equal(1, summary.GetProperty("scaleOuts").GetInt32());
        var emergency = Assert.Single(Decisions(summary, "emergency"));
        var spike = summary.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "flash crowd");
        var spikeLoad = spike.GetProperty("arrivalsPerSecond").GetDouble();
        Assert.Equal("Scale", emergency.GetProperty("outcome").GetString());
        Assert.True(To(emergency) > From(emergency) + 1, output);
        Assert.True(To(emergency) * scenario.RequestsPerSecondPerInstance >= spikeLoad, output);

        // The first minute of the spike is served once it has ended, plus the ingestion latency.
        var spikeStart = At(spike, "startsAt");
        var visible = new DateTimeOffset(spikeStart.UtcTicks - (spikeStart.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1) + scenario.MetricLatency!.Value;
        var checks = summary.GetProperty("emergencyChecks").EnumerateArray().Select(c => c.GetDateTimeOffset()).ToList();
        var decidedAt = At(emergency, "decidedAt");
        Assert.True(decidedAt >= visible, output);
        Assert.Equal(1, checks.Count(c => c >= visible && c <= decidedAt));
        Assert.True(checks.Count > summary.GetProperty("ticks").GetArrayLength(), "the emergency is checked between minute ticks too");

        var procedure = Assert.Single(summary.GetProperty("procedures").EnumerateArray());
        Assert.Equal("emergency", procedure.GetProperty("kind").GetString());
        Assert.Equal("Succeeded", procedure.GetProperty("outcome").GetString());
        Assert.Equal(To(emergency), To(procedure));

        // The post-event capacity report, read back over GET /api/targets/{target}/capacity-reports.
        var report = Assert.Single(summary.GetProperty("capacityReports").GetProperty("reports").EnumerateArray());
        Assert.Equal(procedure.GetProperty("instanceId").GetString(), report.GetProperty("instanceId").GetString());
        Assert.Equal("Succeeded", report.GetProperty("outcome").GetString());
        Assert.Equal(From(emergency), report.GetProperty("fromCapacity").GetInt32());
        Assert.Equal(To(emergency), report.GetProperty("toCapacity").GetInt32());
        Assert.True(report.GetProperty("peakDemand").GetDouble() > 0, output);
        Assert.True(At(report, "peakAt") >= spikeStart.AddMinutes(-1), output);
        Assert.True(At(report, "capacityReadyAt") > decidedAt, output);
        Assert.True(report.GetProperty("recommendedMinimum").GetInt32() > From(emergency), "a peak that was an emergency asks for a higher minimum");
        Assert.True(report.GetProperty("recommendedMaximum").GetInt32() >= report.GetProperty("recommendedMinimum").GetInt32(), output);
    }

    private static IEnumerable<JsonElement> Decisions(JsonElement summary, string kind) =>
        summary.GetProperty("decisionLog").EnumerateArray().Where(d => d.GetProperty("kind").GetString() == kind);

    private static IEnumerable<JsonElement> Ticks(JsonElement summary, string phase) =>
        summary.GetProperty("ticks").EnumerateArray().Where(t => t.TryGetProperty("phase", out var p) && p.GetString() == phase);

    private static DateTimeOffset PhaseStart(JsonElement summary, string phase) =>
        At(summary.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("name").GetString() == phase), "startsAt");

    private static DateTimeOffset At(JsonElement element, string property) =>
        DateTimeOffset.Parse(element.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    private static int From(JsonElement element) => element.GetProperty("from").GetInt32();

    private static int To(JsonElement element) => element.GetProperty("to").GetInt32();

    private static async Task<(JsonElement Summary, string Output)> RunAsync(string scenario)
    {
        var summaryFile = new FileInfo(Path.Combine(Path.GetTempPath(), $"scalewise-{scenario}-{Guid.NewGuid():N}.json"));
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var exit = await new LocalRun(new RunOptions(scenario, summaryFile, Speed: 60, Port: 0, StorageConnectionString: null), console).ExecuteAsync(timeout.Token);

        Assert.True(exit == 0, output.ToString());
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile.FullName, timeout.Token));
        summaryFile.Delete();
        return (summary.RootElement.Clone(), output.ToString());
    }
}
