using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalewise.Azure.Tables;
using Scalewise.Cli.Local;
using Scalewise.Core.Ports;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Cli.Tests.Local;

/// <summary>The local runner's /api/policies over HTTP, with the real Table Storage store on Azurite: status codes, ETag headers, problem+json.</summary>
public sealed class LocalPolicyApiTests
{
    [Fact]
    public async Task PoliciesApi_CreateReadReplaceDelete_ServesETagsPreconditionsAndVersions()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory), tablesOnly: true, timeout.Token);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new TableServiceClient(azurite.ConnectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPolicyStore, TablePolicyStore>();
        builder.Services.AddSingleton<PolicyRequests>();
        await using var app = builder.Build();
        LocalApi.Map(app);
        await app.StartAsync(timeout.Token);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var token = timeout.Token;

        var create = Put("PT2M", ifNoneMatch: "*");
        var created = await http.SendAsync(create, token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/policies/web-tier", created.Headers.Location?.OriginalString);
        var etag = created.Headers.ETag!.ToString();

        var again = await http.SendAsync(Put("PT2M", ifNoneMatch: "*"), token);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);

        var read = await http.GetAsync("/api/policies/web-tier", token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(etag, read.Headers.ETag!.ToString());
        Assert.Equal("PT2M", (await read.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("warmUp").GetString());

        var replaced = await http.SendAsync(Put("PT3M", ifMatch: etag), token);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var stale = await http.SendAsync(Put("PT4M", ifMatch: etag), token);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(ApiProblem.ContentType, stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("If-Match", (await stale.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("field").GetString());

        var invalid = await http.PostAsync("/api/policies/validate", new StringContent("""{"version": 1, "id": "web-tier", "colour": 1}""", Encoding.UTF8, "application/json"), token);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("errors");
        Assert.Equal("$.colour", errors[0].GetProperty("path").GetString());

        var list = await http.GetFromJsonAsync<JsonElement>("/api/policies", token);
        Assert.Equal("web-tier", list.GetProperty("value")[0].GetProperty("id").GetString());

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/policies/web-tier");
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(delete, token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/policies/web-tier", token)).StatusCode);
        var versions = await http.GetFromJsonAsync<JsonElement>("/api/policies/web-tier/versions", token);
        Assert.Equal(["PT3M", "PT2M"], versions.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("policy").GetProperty("warmUp").GetString()));

        await app.StopAsync(CancellationToken.None);
    }

    private static HttpRequestMessage Put(string warmUp, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var body = $$"""
            {
              "version": 1,
              "target": {"kind": "VirtualMachineScaleSet", "resourceId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web"},
              "capacity": {"minimum": 2, "maximum": 10, "default": 2},
              "rules": [],
              "warmUp": "{{warmUp}}"
            }
            """;
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/policies/web-tier") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return request;
    }
}
