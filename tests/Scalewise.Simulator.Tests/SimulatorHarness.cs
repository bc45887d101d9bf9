using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.ScaleSets;
using Scalewise.Simulator.Wire;

namespace Scalewise.Simulator.Tests;

/// <summary>A running simulator on a fake clock, with a client that trusts only its certificate.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public const string ApiVersion = "2023-07-01";
    public const string MetricsApiVersion = "2024-02-01";
    public const string ScaleSetId = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-web";

    private SimulatorHarness(FakeTimeProvider time, EstateSimulator simulator, HttpClient client)
    {
        Time = time;
        Simulator = simulator;
        Client = client;
    }

    public static DateTimeOffset Epoch { get; } = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public EstateSimulator Simulator { get; }

    public HttpClient Client { get; }

    public static async Task<SimulatorHarness> StartAsync()
    {
        var time = new FakeTimeProvider(Epoch);
        var simulator = await EstateSimulator.StartAsync(new EstateSimulatorOptions { TimeProvider = time });
        var client = new HttpClient(SimulatorCertificateTrust.CreateHandler(simulator.CertificateThumbprint)) { BaseAddress = simulator.BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
        return new SimulatorHarness(time, simulator, client);
    }

    public static string Arm(string resourcePath, string? extraQuery = null) =>
        $"{resourcePath.TrimStart('/')}?api-version={ApiVersion}{(extraQuery is null ? string.Empty : "&" + extraQuery)}";

    public static string Metrics(string resourceId, DateTimeOffset start, DateTimeOffset end, string names = "Percentage CPU,Network In Total", string aggregation = "Average,Minimum,Maximum") =>
        $"{resourceId.TrimStart('/')}/providers/Microsoft.Insights/metrics?api-version={MetricsApiVersion}"
        + $"&metricnames={Uri.EscapeDataString(names)}"
        + $"&timespan={Uri.EscapeDataString($"{start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}/{end.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}")}"
        + $"&interval=PT1M&aggregation={aggregation}&metricnamespace=Microsoft.Compute/virtualMachineScaleSets";

    public SimulatedScaleSet AddScaleSet(int capacity = 2, ScaleSetModel? model = null, string id = ScaleSetId) =>
        Simulator.Estate.AddScaleSet(id, capacity, model ?? new ScaleSetModel());

    public async Task<JsonNode> GetJsonAsync(string relative)
    {
        using var response = await Client.GetAsync(new Uri(relative, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {relative} -> {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<HttpResponseMessage> PatchAsync(string resourceId, string body) =>
        Client.PatchAsync(new Uri(Arm(resourceId), UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    public async Task<(JsonNode Body, Uri Operation)> PatchCapacityAsync(int capacity, string resourceId = ScaleSetId)
    {
        using var response = await PatchAsync(resourceId, "{\"sku\":{\"capacity\":" + capacity.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PATCH -> {(int)response.StatusCode}: {text}");
        var operation = Assert.Single(response.Headers.GetValues("Azure-AsyncOperation"));
        return (JsonNode.Parse(text)!, new Uri(operation));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}
