using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scalewise.Cli.Commands;
using Scalewise.Cli.Local;
using Scalewise.Core.Serialization;
using Scalewise.Core.Targets;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Cli.Tests.Commands;

/// <summary><c>scalewise serve</c>: the demo fleet under the local host, its API and dashboard on loopback.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_For_PrintsTheDashboardUrlThatServesThePageAndStops()
    {
        var run = await CommandRun.InvokeAsync(ServeCommand.Create(), "serve", "--port", "0", "--for", "2s");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.StartsWith(ServeRun.DashboardPrefix, StringComparison.Ordinal)).Trim();
        Assert.Matches(@"^Dashboard: http://127\.0\.0\.1:\d+/api/dashboard/$", line);
        foreach (var id in new[] { DemoFleet.WebScaleSet, DemoFleet.ApiScaleSet, DemoFleet.AppVm, DemoFleet.Cache, DemoFleet.ManagedRedis })
        {
            Assert.Contains($"target: {id} ", run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--for", "soon")]
    [InlineData("--speed", "0")]
    [InlineData("--port", "70000")]
    public async Task Serve_BadOption_Exit2NamingIt(string option, string value)
    {
        var run = await CommandRun.InvokeAsync(ServeCommand.Create(), "serve", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_DemoFleet_ListsEveryKindUnderItsPolicyAndServesTheDashboardFiles()
    {
        await using var serve = await ServeRun.StartAsync(new ServeOptions(60, 0, null, null), CancellationToken.None);
        using var http = new HttpClient { BaseAddress = serve.BaseUri };

        var targets = await http.GetFromJsonAsync<TargetList>("/api/targets", ScalewiseJson.Options);
        using var page = await http.GetAsync(serve.DashboardUri);
        using var script = await http.GetAsync(new Uri(serve.DashboardUri, "chart.umd.js"));
        using var bare = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = serve.BaseUri }.GetAsync(new Uri("/api/dashboard?code=k", UriKind.Relative));
        using var missing = await http.GetAsync(new Uri(serve.DashboardUri, "nothing.js"));

        Assert.Equal(
            [TargetKind.RedisEnterprise, TargetKind.RedisCache, TargetKind.VirtualMachine, TargetKind.VirtualMachineScaleSet, TargetKind.VirtualMachineScaleSet],
            targets!.Value.Select(t => t.Kind));
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType!.ToString());
        Assert.Contains("<title>Scalewise</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal((HttpStatusCode.Found, "/api/dashboard/?code=k"), (bare.StatusCode, bare.Headers.Location!.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("path", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public void DemoFleet_EveryPolicy_IsAValidDocumentForItsResource()
    {
        var estate = new Simulator.Estate(TimeProvider.System);

        var policies = DemoFleet.Populate(estate);

        Assert.Equal(5, policies.Select(p => p.Target.ResourceId).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var policy in policies)
        {
            var parsed = Scalewise.Core.Policies.PolicyDocument.Parse(JsonSerializer.Serialize(policy, ScalewiseJson.Options));
            Assert.True(parsed.IsValid, $"{policy.Id}: {string.Join("; ", parsed.Errors)}");
        }
    }
}
