using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Core.Redis;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Tests.Vertical;

/// <summary>
/// <c>POST /api/targets/{target}/scale</c> on VMs and Redis caches: a person asks for a SKU on the policy's ladder, the
/// request reads the target through its own controller, and the vertical procedure carries the move out.
/// </summary>
[Collection(LocalEstateCollection.Name)]
public sealed class ManualSkuRequestsTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    private ManualScaleRequests Requests => estate.Services.GetRequiredService<ManualScaleRequests>();

    [Fact]
    public async Task RequestAsync_VmSkuOnTheLadder_ResizesTheVmAndRecordsWhoAsked()
    {
        var (policy, vm) = await estate.AddVmAsync("manual-vm");

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"sku": "Standard_D4s_v3", "reason": "quarter close", "requestedBy": "alice"}""", "tests", CancellationToken.None);

        Assert.True(outcome.Started, outcome.Problem?.Detail);
        var result = await CompletedAsync(outcome.InstanceId!);
        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal("Standard_D4s_v3", vm.Size);
        Assert.Equal("running", vm.PowerState);
        var record = await estate.RecordOfAsync(policy);
        Assert.Equal("alice", record.RequestedBy);
        Assert.Equal(DecisionKind.Manual, record.Kind);
        Assert.Equal("Standard_D2s_v3", record.FromSku);
        Assert.Equal("Standard_D4s_v3", record.ToSku);
        var decision = Assert.Single(await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None));
        Assert.Equal(DecisionKind.Manual, decision.Kind);
        Assert.Equal("Standard_D4s_v3", decision.NewSku);
        Assert.Contains("quarter close", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsync_RedisSkuOnTheLadder_ScalesTheCache()
    {
        var (policy, cache) = await estate.AddCacheAsync("manual-redis", new RedisSku(RedisTier.Standard, 1));

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"sku": "Standard_C2"}""", "bob", CancellationToken.None);

        Assert.True(outcome.Started, outcome.Problem?.Detail);
        var result = await CompletedAsync(outcome.InstanceId!);
        Assert.True(result.Outcome == ProcedureOutcome.Succeeded, result.Summary);
        Assert.Equal(new RedisSku(RedisTier.Standard, 2), cache.Sku);
        Assert.Equal("bob", (await estate.RecordOfAsync(policy)).RequestedBy);
    }

    [Fact]
    public async Task RequestAsync_SkuOffTheLadder_Returns400ListingTheLadder()
    {
        var (policy, vm) = await estate.AddVmAsync("manual-off");

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"sku": "Standard_X99"}""", "tests", CancellationToken.None);

        Assert.Equal(400, outcome.Problem!.Status);
        Assert.Equal("sku", outcome.Problem.Field);
        Assert.Contains("Standard_X99", outcome.Problem.Detail, StringComparison.Ordinal);
        Assert.Contains("Standard_D4s_v3", outcome.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal("Standard_D2s_v3", vm.Size);
    }

    [Fact]
    public async Task RequestAsync_CapacityForAVm_Returns400AskingForASku()
    {
        var (policy, _) = await estate.AddVmAsync("manual-cap");

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"capacity": 3}""", "tests", CancellationToken.None);

        Assert.Equal(400, outcome.Problem!.Status);
        Assert.Equal("sku", outcome.Problem.Field);
        Assert.Contains("VirtualMachine", outcome.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsync_SkuForAScaleSet_Returns400AskingForACapacity()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("manual-sku-vmss", capacity: 2);

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"sku": "Standard_D4s_v3"}""", "tests", CancellationToken.None);

        Assert.Equal(400, outcome.Problem!.Status);
        Assert.Equal("capacity", outcome.Problem.Field);
        Assert.Equal(2, scaleSet.Capacity);
    }

    [Fact]
    public async Task RequestAsync_TheSkuItAlreadyHas_Returns400AndStartsNothing()
    {
        var (policy, _) = await estate.AddVmAsync("manual-same");

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, """{"sku": "standard_d2s_v3"}""", "tests", CancellationToken.None);

        Assert.Equal(400, outcome.Problem!.Status);
        Assert.Equal("sku", outcome.Problem.Field);
        Assert.Contains("already", outcome.Problem.Detail, StringComparison.Ordinal);
        Assert.Null(await estate.Host.Client.GetInstanceAsync(ProcedureIds.ForTarget(policy.Id)));
    }

    [Theory]
    [InlineData("""{"capacity": 2, "sku": "Standard_D4s_v3"}""")]
    [InlineData("""{"sku": ""}""")]
    [InlineData("""{"sku": 4}""")]
    public async Task RequestAsync_BadSkuField_Returns400NamingSku(string body)
    {
        var (policy, _) = await estate.AddVmAsync("manual-bad");

        var outcome = await Requests.RequestAsync(estate.Host.Client, policy.Id, body, "tests", CancellationToken.None);

        Assert.Equal(400, outcome.Problem!.Status);
        Assert.Equal("sku", outcome.Problem.Field);
    }

    private async Task<VerticalProcedureResult> CompletedAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Budget);
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        return completed.ReadOutputAs<VerticalProcedureResult>() ?? throw new InvalidOperationException("The procedure returned no result.");
    }
}
