using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Scalewise.Cli.Commands;
using Scalewise.Simulator.Hosting;

namespace Scalewise.Cli.Tests.Commands;

public sealed class EstateCommandTests
{
    [Fact]
    public async Task Estate_For_PrintsEachDemoResourceIdOnItsOwnLineAndStops()
    {
        var run = await CommandRun.InvokeAsync(EstateCommand.Create(), "estate", "--port", "0", "--for", "1s");

        var resources = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(EstateCommand.ResourcePrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("endpoint: https://127.0.0.1:", run.Output, StringComparison.Ordinal);
        foreach (var id in new[] { DemoEstate.ScaleSetId, DemoEstate.VirtualMachineId, DemoEstate.RedisCacheId, DemoEstate.RedisEnterpriseId })
        {
            Assert.Contains(EstateCommand.ResourcePrefix + id, resources);
        }
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5s")]
    public async Task Estate_ForNotADuration_Exit2NamingTheOption(string value)
    {
        var run = await CommandRun.InvokeAsync(EstateCommand.Create(), "estate", "--for", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--for", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estate_AnyBearerToken_ServesTheDemoScaleSetAndItsMetrics()
    {
        await using var estate = await EstateClient.StartAsync(token: "anything-at-all");

        using var scaleSet = await estate.Client.GetAsync(new Uri(DemoEstate.ScaleSetId.TrimStart('/') + "?api-version=2023-07-01", UriKind.Relative));
        var end = DateTimeOffset.UtcNow;
        var timespan = Uri.EscapeDataString(string.Create(CultureInfo.InvariantCulture, $"{end.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}/{end:yyyy-MM-ddTHH:mm:ssZ}"));
        using var metrics = await estate.Client.GetAsync(new Uri(
            $"{DemoEstate.ScaleSetId.TrimStart('/')}/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=Percentage%20CPU&timespan={timespan}&interval=PT1M",
            UriKind.Relative));
        var points = JsonNode.Parse(await metrics.Content.ReadAsStringAsync())!["value"]![0]!["timeseries"]![0]!["data"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, scaleSet.StatusCode);
        Assert.True(points.Count >= 55, $"{points.Count} minutes of CPU in the last hour");
    }

    [Fact]
    public async Task OfficialExamples_SentToTheDemoEstate_AnswerOneOfTheirDocumentedStatuses()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var estate = await EstateClient.StartAsync(token: "t", clock);
        string? exportStatus = null;
        var wrong = new List<string>();
        foreach (var example in EstateExample.Served)
        {
            // Each example finds the estate settled: the operations of the one before have finished.
            clock.Advance(TimeSpan.FromHours(1));
            using var request = example.Request(exportStatus);
            using var response = await estate.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (!example.Statuses.Contains(status))
            {
                wrong.Add($"{example.File}: {request.Method} {request.RequestUri} -> {status} {text} (documented: {string.Join(", ", example.Statuses)})");
            }

            // Redis_ExportData's 202 hands out Location (the demo cache's form) or Azure-AsyncOperation; both name the operation's status path.
            var statusUrl = response.Headers.TryGetValues("Azure-AsyncOperation", out var operation) ? new Uri(operation.Single()) : response.Headers.Location;
            if (statusUrl is not null && example.File.EndsWith("RedisCacheExport.json", StringComparison.Ordinal))
            {
                exportStatus = statusUrl.AbsolutePath;
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task ExamplesOfOperationsOutsideTheDefinitions_AreNotFoundOnTheEstate()
    {
        await using var estate = await EstateClient.StartAsync(token: "t");
        foreach (var (file, path) in EstateExample.NotServed)
        {
            Assert.True(File.Exists(Scalewise.Tests.RepositoryFiles.RestExample(file)));
            using var response = await estate.Client.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("InvalidResourceType", error["code"]!.GetValue<string>());
        }

        var listed = EstateExample.Served.Select(e => e.File).Concat(EstateExample.NotServed.Select(n => n.File)).ToHashSet();
        var all = Directory.GetFiles(Scalewise.Tests.RepositoryFiles.RestExamples, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Scalewise.Tests.RepositoryFiles.RestExamples, f).Replace('\\', '/'));
        var unlisted = all.Where(f => !listed.Contains(f)).ToList();
        Assert.True(unlisted.Count == 0, "Examples neither sent to the estate nor listed as not served: " + string.Join(", ", unlisted));
    }

    [Fact]
    public async Task RedisUpdate_TopLevelSku_Is400NamingSku()
    {
        await using var estate = await EstateClient.StartAsync(token: "t");

        using var response = await estate.Client.PatchAsync(
            new Uri(DemoEstate.RedisCacheId.TrimStart('/') + "?api-version=2024-11-01", UriKind.Relative),
            new StringContent("""{"sku":{"name":"Premium","family":"P","capacity":2}}""", Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sku", error["target"]!.GetValue<string>());
        Assert.Contains("properties.sku", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The estate as <c>scalewise estate</c> starts it, with a client that trusts its certificate and sends <c>token</c>.</summary>
    private sealed class EstateClient(EstateSimulator simulator, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client { get; } = client;

        public static async Task<EstateClient> StartAsync(string token, TimeProvider? clock = null)
        {
            var (simulator, _) = await EstateCommand.StartAsync(0, clock);
            var client = new HttpClient(SimulatorCertificateTrust.CreateHandler(simulator.CertificateThumbprint)) { BaseAddress = simulator.BaseUri };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new EstateClient(simulator, client);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await simulator.DisposeAsync();
        }
    }
}
