using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Api;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Tests.Procedures;

[Collection(LocalEstateCollection.Name)]
public sealed class ApprovalTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private ApprovalRequests Approvals => estate.Services.GetRequiredService<ApprovalRequests>();

    [Fact]
    public async Task ScaleProcedure_Approved_ScalesAndRecordsWhoApproved()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("approve", capacity: 2);
        var instanceId = await StartAsync(policy, toCapacity: 6, approvalTimeout: TimeSpan.FromMinutes(5));
        await WaitForApprovalStepAsync(instanceId);
        Assert.Equal(2, scaleSet.Capacity);

        var problem = await Approvals.AnswerAsync(estate.Host.Client, instanceId, approved: true, """{"by": "alice@contoso.com", "comment": "launch day"}""", CancellationToken.None);

        Assert.Null(problem);
        var result = await CompleteAsync(instanceId);
        Assert.Equal(ProcedureOutcome.Succeeded, result.Outcome);
        Assert.Equal(6, scaleSet.Capacity);
        var record = Assert.Single(await estate.Services.GetRequiredService<IProcedureHistory>().ListAsync(policy.Id, 10, CancellationToken.None));
        Assert.Contains(record.Steps, s => s.Name == ProcedureStepNames.Approval && s.Result == "approved by alice@contoso.com: launch day");
    }

    [Fact]
    public async Task ScaleProcedure_Rejected_EndsRejectedWithoutTouchingTarget()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("reject", capacity: 2);
        var instanceId = await StartAsync(policy, toCapacity: 8, approvalTimeout: TimeSpan.FromMinutes(5));
        await WaitForApprovalStepAsync(instanceId);

        Assert.Null(await Approvals.AnswerAsync(estate.Host.Client, instanceId, approved: false, """{"by": "bob"}""", CancellationToken.None));

        var result = await CompleteAsync(instanceId);
        Assert.Equal(ProcedureOutcome.Rejected, result.Outcome);
        Assert.Contains("bob", result.Summary, StringComparison.Ordinal);
        Assert.Equal(2, scaleSet.Capacity);
        Assert.DoesNotContain(result.Steps, s => s.Name == ProcedureStepNames.Apply);
    }

    [Fact]
    public async Task ScaleProcedure_NoAnswerBeforeTimeout_IsCancelled()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("timeout", capacity: 2);
        var instanceId = await StartAsync(policy, toCapacity: 7, approvalTimeout: TimeSpan.FromSeconds(2));

        var result = await CompleteAsync(instanceId);

        Assert.Equal(ProcedureOutcome.Cancelled, result.Outcome);
        Assert.Contains("nobody approved", result.Summary, StringComparison.Ordinal);
        Assert.Equal(2, scaleSet.Capacity);
        Assert.Contains(result.Steps, s => s.Name == ProcedureStepNames.Notify);
    }

    [Fact]
    public async Task AnswerAsync_ProcedureNotWaiting_Returns409()
    {
        var (policy, _) = await estate.AddTargetAsync("notwaiting", capacity: 2);
        var instanceId = await StartAsync(policy, toCapacity: 3, approvalTimeout: null);
        await CompleteAsync(instanceId);

        var problem = await Approvals.AnswerAsync(estate.Host.Client, instanceId, approved: true, """{"by": "carol"}""", CancellationToken.None);

        Assert.Equal(409, problem!.Status);
    }

    [Theory]
    [InlineData("""{"comment": "ok"}""", "by")]
    [InlineData("""{"by": 5}""", "by")]
    [InlineData("""{"by": "dan", "role": "admin"}""", "role")]
    [InlineData("", "by")]
    public async Task AnswerAsync_MalformedBody_Returns400NamingTheField(string body, string field)
    {
        var problem = await Approvals.AnswerAsync(estate.Host.Client, "scale-anything", approved: true, body, CancellationToken.None);

        Assert.Equal(400, problem!.Status);
        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public async Task AnswerAsync_UnknownProcedure_Returns404()
    {
        var problem = await Approvals.AnswerAsync(estate.Host.Client, "scale-no-such-target", approved: true, """{"by": "erin"}""", CancellationToken.None);

        Assert.Equal(404, problem!.Status);
    }

    private async Task<string> StartAsync(ScalingPolicy policy, int toCapacity, TimeSpan? approvalTimeout)
    {
        var input = new ScaleProcedureInput(policy.Id, policy.Target.ResourceId, policy.Target.Kind, DecisionKind.Manual, toCapacity, "test", "tests", policy.WarmUp, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), approvalTimeout);
        return await estate.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), input, new StartOrchestrationOptions(ProcedureIds.ForTarget(policy.Id)));
    }

    private async Task WaitForApprovalStepAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Budget);
        while (true)
        {
            var instance = await estate.Host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            if (instance?.SerializedCustomStatus?.Contains("waiting for approval", StringComparison.Ordinal) == true)
            {
                return;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    private async Task<ScaleProcedureResult> CompleteAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Budget);
        var completed = await estate.Host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.RuntimeStatus);
        return completed.ReadOutputAs<ScaleProcedureResult>()!;
    }
}
