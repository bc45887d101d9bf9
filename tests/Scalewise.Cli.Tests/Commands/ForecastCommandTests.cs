using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Scalewise.Cli.Commands;
using Spectre.Console;

namespace Scalewise.Cli.Tests.Commands;

public sealed class ForecastCommandTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("scalewise-forecast-");
    private readonly StringWriter output = new();

    public void Dispose()
    {
        output.Dispose();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Forecast_TenDayTrace_PrintsEveryMethodAndWritesJsonAndReport()
    {
        var trace = WriteTrace(days: 10);
        var json = Path.Combine(directory.FullName, "forecast.json");
        var report = Path.Combine(directory.FullName, "report");

        var exit = await Invoke("forecast", "--trace", trace, "--horizon", "24h", "--backtest-days", "2", "--json", json, "--report", report);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = document.RootElement;
        Assert.Equal(trace, root.GetProperty("trace").GetString());
        Assert.Equal(24, root.GetProperty("horizonHours").GetInt32());
        Assert.Equal(25, root.GetProperty("origins").GetInt32()); // hours 192 to 216 of 240
        var methods = root.GetProperty("methods").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("mase").GetDouble());
        Assert.Equal(["seasonal-naive", "seasonal-naive-weekly", "holt-winters", "holt-winters-log"], methods.Keys);
        var chosen = root.GetProperty("chosen").GetString()!;
        Assert.Equal(methods.Values.Min(), methods[chosen]);
        Assert.True(root.GetProperty("methods")[0].GetProperty("smape").GetDouble() > 0);

        var printed = output.ToString();
        Assert.Contains("seasonal-naive", printed, StringComparison.Ordinal);
        Assert.Contains("chosen", printed, StringComparison.Ordinal);
        Assert.Contains("1 missing", printed, StringComparison.Ordinal); // the hour with only 10 minutes of data
        Assert.Contains($"| {chosen} |", await File.ReadAllTextAsync(Path.Combine(report, "forecast-report.md")), StringComparison.Ordinal);
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(report, "forecast.svg")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("48")]
    [InlineData("0h")]
    [InlineData("200h")]
    [InlineData("two days")]
    public async Task Forecast_BadHorizon_ExitsWithTwoAndSaysWhatIsAccepted(string horizon)
    {
        var trace = WriteTrace(days: 1);

        var exit = await Invoke("forecast", "--trace", trace, "--horizon", horizon);

        Assert.Equal(2, exit);
        Assert.Contains("expected hours or days such as '48h' or '2d'", output.ToString().ReplaceLineEndings(string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_TraceThatIsNotATrace_ExitsWithTwoNamingTheLine()
    {
        var trace = Path.Combine(directory.FullName, "bad.csv");
        await File.WriteAllTextAsync(trace, "timestamp,requests\n1995-07-01T00:00:00Z,many\n");

        var exit = await Invoke("forecast", "--trace", trace);

        Assert.Equal(2, exit);
        Assert.Contains("line 2", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseHorizon_HoursAndDays_AreHours()
    {
        Assert.Equal(48, ForecastCommand.ParseHorizon("48h"));
        Assert.Equal(48, ForecastCommand.ParseHorizon("2d"));
        Assert.Null(ForecastCommand.ParseHorizon("-1h"));
    }

    private Task<int> Invoke(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        var root = new RootCommand { ForecastCommand.Create(console) };
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>A per-minute trace with a daily cycle and quieter weekends, one hour with only 10 minutes of rows.</summary>
    private string WriteTrace(int days)
    {
        var path = Path.Combine(directory.FullName, "trace.csv");
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(5);
        var text = new StringBuilder("timestamp,requests\n");
        for (var minute = 0; minute < days * 1440; minute++)
        {
            var hour = minute / 60;
            if (hour == 100 && minute % 60 >= 10)
            {
                continue;
            }

            var daily = 1 + (0.6 * Math.Sin(2 * Math.PI * ((hour % 24) - 9) / 24));
            var weekly = (hour / 24) % 7 >= 5 ? 0.5 : 1.0;
            var requests = (int)Math.Max(0, (20 * daily * weekly) + random.Next(-4, 5));
            text.Append(start.AddMinutes(minute).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',').Append(requests.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
