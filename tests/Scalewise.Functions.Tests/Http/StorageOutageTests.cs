using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Azure;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.LocalSupport;
using Scalewise.Orchestrations;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Tests;

namespace Scalewise.Functions.Tests.Http;

/// <summary>
/// Table Storage stops (the test stops the Azurite it started): the HTTP handlers answer 503 problem+json with Retry-After,
/// and the timer jobs skip the tick instead of throwing out of the host's loop.
/// </summary>
public sealed class StorageOutageTests(LocalEstateFixture estate) : IClassFixture<LocalEstateFixture>
{
    [Fact]
    public async Task PolicyRoutesAndTick_TableStorageStopped_Answer503WithRetryAfterAndSkipTheTick()
    {
        var azurite = await AzuriteProcess.StartAsync(AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory), tablesOnly: true, CancellationToken.None);
        await using var provider = Build(azurite.ConnectionString);
        var policies = provider.GetRequiredService<PolicyRequests>();
        var (policy, _) = await estate.AddTargetAsync("outage", capacity: 2);
        await provider.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);

        await azurite.DisposeAsync();
        var get = new FunctionsHttpCall("GET", $"/api/policies/{policy.Id}");
        var getBody = await get.CompleteAsync(await ScalewiseApi.GetPolicy(policy.Id, get.Http.Request, policies, CancellationToken.None));
        var put = new FunctionsHttpCall("PUT", $"/api/policies/{policy.Id}", PolicyDocument.Serialize(policy));
        await put.CompleteAsync(await ScalewiseApi.PutPolicy(policy.Id, put.Http.Request, policies, CancellationToken.None));
        var decisions = await provider.GetRequiredService<TimerJobs>().EvaluatePoliciesAsync(estate.Host.Client, CancellationToken.None);

        foreach (var call in new[] { get, put })
        {
            Assert.Equal(503, call.Response.StatusCode);
            Assert.Equal(ApiProblem.ContentType, call.Response.ContentType);
            Assert.Equal(ApiGuard.StorageRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), call.Response.Headers.RetryAfter.ToString());
        }

        using var problem = JsonDocument.Parse(getBody);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(problem.RootElement.TryGetProperty("field", out _));
        Assert.Empty(decisions);
    }

    private static ServiceProvider Build(string tablesConnectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scalewise:Tables:ConnectionString"] = tablesConnectionString,
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Arm:Endpoint"] = "https://127.0.0.1:1/",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddScalewiseAzure(configuration);
        services.AddScalewiseProcedures(configuration);
        return services.BuildServiceProvider();
    }
}
