using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Serialization;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Api;

/// <summary>GET /api/targets on the estate: every target, paged, with its capacity, last decision and running procedure.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class TargetListQueryTests(LocalEstateFixture estate)
{
    private TargetListQuery Query => estate.Services.GetRequiredService<TargetListQuery>();

    [Fact]
    public async Task ListAsync_PagesOfTwo_ListEveryTargetOnceInIdOrderWithItsDecisionAndProcedure()
    {
        var (busy, scaleSet) = await estate.AddTargetAsync("list-a", capacity: 2, minimum: 1, maximum: 6);
        var (quiet, _) = await estate.AddTargetAsync("list-b", capacity: 3, minimum: 2, maximum: 8);
        scaleSet.SetLoad(new ConstantLoadProfile(60));
        busy = busy with { Rules = [CpuHigh()] };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(busy, ifMatch: null, CancellationToken.None);
        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, busy, CancellationToken.None);
        Assert.Equal(DecisionOutcome.Scale, decision!.Outcome);

        var listed = new List<TargetSummary>();
        string? skipToken = null;
        var pages = 0;
        do
        {
            var page = Read(await Query.ListAsync(estate.Host.Client, "2", skipToken, CancellationToken.None));
            Assert.InRange(page.Value.Count, 1, 2);
            listed.AddRange(page.Value);
            skipToken = page.NextLink is null ? null : Uri.UnescapeDataString(page.NextLink[(page.NextLink.IndexOf("skipToken=", StringComparison.Ordinal) + 10)..]);
            pages++;
        }
        while (skipToken is not null && pages < 1000);

        Assert.Equal(listed.Select(t => t.Id).Order(StringComparer.Ordinal), listed.Select(t => t.Id));
        Assert.Equal(listed.Count, listed.Select(t => t.Id).Distinct().Count());
        var a = Assert.Single(listed, t => t.Id == busy.Id);
        Assert.Equal((1, 6), (a.Minimum, a.Maximum));
        Assert.Equal((DecisionOutcome.Scale, 4), (a.LastDecision!.Outcome, a.LastDecision.NewCapacity));
        Assert.Equal($"scale-{busy.Id}", a.RunningProcedure?.InstanceId);
        var b = Assert.Single(listed, t => t.Id == quiet.Id);
        Assert.Null(b.LastDecision);
        Assert.Null(b.RunningProcedure);
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await estate.Host.Client.WaitForInstanceCompletionAsync($"scale-{busy.Id}", done.Token);
    }

    [Theory]
    [InlineData("0", null, "top")]
    [InlineData("1001", null, "top")]
    [InlineData("ten", null, "top")]
    [InlineData(null, "Not An Id", "skipToken")]
    public async Task ListAsync_BadPaging_Is400NamingTheParameter(string? top, string? skipToken, string field)
    {
        var response = await Query.ListAsync(estate.Host.Client, top, skipToken, CancellationToken.None);

        Assert.Equal(400, response.Status);
        Assert.Equal(ApiProblem.ContentType, response.ContentType);
        Assert.Equal(field, JsonSerializer.Deserialize<ApiProblem>(response.Body!, ScalewiseJson.Options)!.Field);
    }

    private static TargetList Read(ApiResponse response)
    {
        Assert.Equal(200, response.Status);
        return JsonSerializer.Deserialize<TargetList>(response.Body!, ScalewiseJson.Options)!;
    }

    private static ScalingRule CpuHigh() => new(
        "cpu-high",
        new MetricTrigger("Percentage CPU", "microsoft.compute/virtualmachinescalesets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 70),
        new ScaleAction(ScaleDirection.Increase, 2, TimeSpan.FromMinutes(5)));
}
