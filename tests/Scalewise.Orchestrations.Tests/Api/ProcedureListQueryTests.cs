using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Core.Serialization;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Orchestrations.Tests.Api;

/// <summary>GET /api/procedures?status= on the estate: running ones with the step they are on, ended ones with their outcome.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class ProcedureListQueryTests(LocalEstateFixture estate)
{
    private ProcedureListQuery Query => estate.Services.GetRequiredService<ProcedureListQuery>();

    [Fact]
    public async Task ListAsync_ProcedureWaitingForApproval_IsListedAsWaitingThenSucceededOnceApproved()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("list-approve", capacity: 2);
        policy = policy with { Approval = new ApprovalPolicy(InstanceThreshold: 1, Timeout: TimeSpan.FromMinutes(5)) };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);
        var outcome = await estate.Services.GetRequiredService<ManualScaleRequests>()
            .RequestAsync(estate.Host.Client, policy.Id, """{"capacity": 5}""", "tests", CancellationToken.None);
        Assert.True(outcome.Started, outcome.Problem?.Detail);

        var waiting = await WaitForAsync("waiting", outcome.InstanceId!);
        Assert.Equal(ProcedureListQuery.WaitingForApproval, waiting.Status);
        Assert.Equal("approval", waiting.Step);
        Assert.Equal(5, waiting.ToCapacity);
        Assert.Equal($"status/{outcome.InstanceId}", waiting.Links.StatusQueryGetUri);
        Assert.DoesNotContain(await ListAsync("ended"), p => p.InstanceId == outcome.InstanceId);

        Assert.Null(await estate.Services.GetRequiredService<ApprovalRequests>().AnswerAsync(estate.Host.Client, outcome.InstanceId!, approved: true, """{"by": "alice"}""", CancellationToken.None));
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await estate.Host.Client.WaitForInstanceCompletionAsync(outcome.InstanceId!, done.Token);

        var succeeded = Assert.Single(await ListAsync("succeeded"), p => p.InstanceId == outcome.InstanceId);
        Assert.Equal(5, scaleSet.Capacity);
        Assert.NotNull(succeeded.EndedAt);
        Assert.Contains(succeeded.Steps, s => s.Name == "approval" && s.Result.Contains("alice", StringComparison.Ordinal));
        Assert.DoesNotContain(await ListAsync("running"), p => p.InstanceId == outcome.InstanceId);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("")]
    [InlineData("running,waiting")]
    public async Task ListAsync_UnknownStatus_Is400NamingStatus(string status)
    {
        var response = await Query.ListAsync(estate.Host.Client, status, Links, CancellationToken.None);

        Assert.Equal(400, response.Status);
        var problem = JsonSerializer.Deserialize<ApiProblem>(response.Body!, ScalewiseJson.Options)!;
        Assert.Equal("status", problem.Field);
        Assert.Contains("waiting", problem.Detail, StringComparison.Ordinal);
    }

    private static Task<ProcedureLinks> Links(string instanceId) => Task.FromResult(new ProcedureLinks($"status/{instanceId}", $"terminate/{instanceId}"));

    private async Task<IReadOnlyList<ProcedureListItem>> ListAsync(string status)
    {
        var response = await Query.ListAsync(estate.Host.Client, status, Links, CancellationToken.None);
        Assert.Equal(200, response.Status);
        return JsonSerializer.Deserialize<ProcedureList>(response.Body!, ScalewiseJson.Options)!.Value;
    }

    /// <summary>Lists until the procedure shows under <paramref name="status"/>: it reaches its approval step within a minute.</summary>
    private async Task<ProcedureListItem> WaitForAsync(string status, string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if ((await ListAsync(status)).FirstOrDefault(p => p.InstanceId == instanceId) is { } found)
            {
                return found;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
