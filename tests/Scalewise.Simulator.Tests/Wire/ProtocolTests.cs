using System.Net;
using System.Text.Json.Nodes;
using Scalewise.Simulator.Hosting;

namespace Scalewise.Simulator.Tests.Wire;

public sealed class ProtocolTests
{
    [Fact]
    public async Task Request_WithoutBearerToken_Unauthorized()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId), UriKind.Relative));
        request.Headers.Authorization = null;
        using var client = new HttpClient(SimulatorCertificateTrust.CreateHandler(harness.Simulator.CertificateThumbprint)) { BaseAddress = harness.Simulator.BaseUri };

        using var response = await client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("AuthenticationFailed", body["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_UnknownScaleSet_NotFound()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        using var response = await harness.Client.GetAsync(new Uri(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId), UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFound", body["error"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "MissingApiVersionParameter")]
    [InlineData("?api-version=latest", "InvalidApiVersionParameter")]
    [InlineData("?api-version=2023-7-1", "InvalidApiVersionParameter")]
    public async Task Request_BadApiVersion_BadRequest(string query, string code)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();

        using var response = await harness.Client.GetAsync(new Uri(SimulatorHarness.ScaleSetId.TrimStart('/') + query, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, body["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_IdInOtherCase_Served()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();

        var body = await harness.GetJsonAsync(SimulatorHarness.ScaleSetId.ToUpperInvariant().TrimStart('/') + "?api-version=" + SimulatorHarness.ApiVersion);

        Assert.Equal("vmss-web", body["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"sku":{"capacity":"three"}}""", "sku.capacity")]
    [InlineData("""{"sku":{"capacity":-1}}""", "sku.capacity")]
    [InlineData("""{"sku":{"capacity":2.5}}""", "sku.capacity")]
    [InlineData("""{"sku":7}""", "sku")]
    public async Task PatchScaleSet_InvalidField_BadRequestNamingField(string body, string field)
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();

        using var response = await harness.PatchAsync(SimulatorHarness.ScaleSetId, body);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameter", error["code"]!.GetValue<string>());
        Assert.Equal(field, error["target"]!.GetValue<string>());
        Assert.Contains(field, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchScaleSet_MalformedJson_BadRequest()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet();

        using var response = await harness.PatchAsync(SimulatorHarness.ScaleSetId, """{"sku":""");
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContent", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Client_PinningAnotherThumbprint_RefusesConnection()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        using var client = new HttpClient(SimulatorCertificateTrust.CreateHandler(new string('A', 40))) { BaseAddress = harness.Simulator.BaseUri };

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(SimulatorHarness.Arm(SimulatorHarness.ScaleSetId), UriKind.Relative)));
    }

    [Fact]
    public async Task StartAsync_Always_LoopbackHttpsWithUpperHexSha1Thumbprint()
    {
        await using var harness = await SimulatorHarness.StartAsync();

        Assert.Equal("https", harness.Simulator.BaseUri.Scheme);
        Assert.Equal("127.0.0.1", harness.Simulator.BaseUri.Host);
        Assert.Matches("^[0-9A-F]{40}$", harness.Simulator.CertificateThumbprint);
        Assert.True(harness.Simulator.Certificate.HasPrivateKey);
    }
}
