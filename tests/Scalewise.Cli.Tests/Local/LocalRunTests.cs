using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Scalewise.Cli.Local;
using Spectre.Console;

namespace Scalewise.Cli.Tests.Local;

/// <summary>
/// The README's first command, shortened: a whole local run of the default scenario (Azurite, simulator, Durable
/// host, the shared handlers) at 60x, with the HTTP API exercised while it runs.
/// </summary>
public sealed class LocalRunTests
{
    private static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Run_DefaultScenario_ScalesOutAndInAndServesTheApiWhileRunning()
    {
        var summaryFile = new FileInfo(Path.Combine(Path.GetTempPath(), $"scalewise-run-{Guid.NewGuid():N}.json"));
        var port = FreePort();
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        using var timeout = new CancellationTokenSource(RunBudget);

        var run = Task.Run(() => new LocalRun(new RunOptions("vmss-burst", summaryFile, Speed: 60, Port: port, StorageConnectionString: null), console).ExecuteAsync(timeout.Token));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForApiAsync(http, timeout.Token);

        var tooMany = await PostScaleAsync(http, """{"capacity": 500}""", timeout.Token);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType?.MediaType);
        var problem = await tooMany.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        Assert.Equal("capacity", problem.GetProperty("field").GetString());
        Assert.Contains("maximum of 100", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var malformed = await PostScaleAsync(http, """{"capacity": "lots"}""", timeout.Token);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("capacity", (await malformed.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("field").GetString());

        var manual = await PostScaleAsync(http, """{"capacity": 3, "reason": "pre-warm for the load test"}""", timeout.Token);
        Assert.Equal(HttpStatusCode.Accepted, manual.StatusCode);
        var statusUri = (await manual.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("statusQueryGetUri").GetString();

        var second = await PostScaleAsync(http, """{"capacity": 4}""", timeout.Token);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(statusUri, (await second.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)).GetProperty("statusQueryGetUri").GetString());

        Assert.Equal(0, await run);

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile.FullName, timeout.Token));
        var root = summary.RootElement;
        Assert.True(root.GetProperty("scaleOuts").GetInt32() >= 1, output.ToString());
        Assert.True(root.GetProperty("scaleIns").GetInt32() >= 1, output.ToString());
        Assert.Equal(1, root.GetProperty("decisionsByKind").GetProperty("manual").GetInt32());
        Assert.True(root.GetProperty("decisionsByKind").GetProperty("reactive").GetInt32() >= 2);
        var procedures = root.GetProperty("procedures").EnumerateArray().ToList();
        Assert.Contains(procedures, p => p.GetProperty("kind").GetString() == "manual" && p.GetProperty("to").GetInt32() == 3);
        Assert.All(procedures, p => Assert.Equal("Succeeded", p.GetProperty("outcome").GetString()));
        Assert.All(procedures, p => Assert.Contains(p.GetProperty("steps").EnumerateArray(), s => s.GetProperty("name").GetString() == "verify"));
        Assert.Contains("scale-outs", output.ToString(), StringComparison.Ordinal);
        summaryFile.Delete();
    }

    private static Task<HttpResponseMessage> PostScaleAsync(HttpClient http, string body, CancellationToken cancellationToken) =>
        http.PostAsync("/api/targets/vmss-burst/scale", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);

    private static async Task WaitForApiAsync(HttpClient http, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var response = await http.GetAsync("/api/targets/vmss-burst/history", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
