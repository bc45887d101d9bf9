using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Procedures;
using Scalewise.Orchestrations.Tests.Procedures;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>An emergency on the tick while a normal procedure runs: the normal one is superseded, the emergency one runs.</summary>
[Collection(LocalEstateCollection.Name)]
public sealed class SupersedeTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EvaluateAsync_EmergencyWhileScaleProcedureAwaitsApproval_SupersedesItNotifiesItEndsItFirstAndEmergencyScaleUpSucceeds()
    {
        var (policy, scaleSet) = await estate.AddTargetAsync("supersede", capacity: 2, rules: [EmergencyScaleUpTests.CriticalCpu()]);
        var client = estate.Host.Client;
        using var timeout = new CancellationTokenSource(Budget);
        var instanceId = ProcedureIds.ForTarget(policy.Id);
        var normal = new ScaleProcedureInput(policy.Id, policy.Target.ResourceId, policy.Target.Kind, DecisionKind.Manual, 3, "a person asked for 3", "tests", policy.WarmUp, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), ApprovalTimeout: TimeSpan.FromMinutes(10));
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ScaleProcedure), normal, new StartOrchestrationOptions(instanceId), timeout.Token);
        await WaitForStatusAsync(instanceId, "waiting for approval", timeout.Token);

        // 36 requests/s on 2 instances is 95% CPU: past the critical tier of 90%.
        scaleSet.SetLoad(new ConstantLoadProfile(36));
        var people = new RecordingNotifier();
        var decision = await ActivatorUtilities.CreateInstance<PolicyEvaluation>(estate.Services, people).EvaluateAsync(client, policy, timeout.Token);

        Assert.NotNull(decision);
        Assert.Equal(DecisionKind.Emergency, decision.Kind);
        Assert.Equal(3, decision.NewCapacity); // ceil(2 × 95 / 70)
        var emergency = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(nameof(EmergencyScaleUp), emergency.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, emergency.RuntimeStatus);
        Assert.Equal(ProcedureOutcome.Succeeded, emergency.ReadOutputAs<EmergencyScaleUpResult>()!.Procedure.Outcome);
        Assert.Equal(3, scaleSet.Capacity);

        var history = await estate.Services.GetRequiredService<IProcedureHistory>().ListAsync(policy.Id, 10, CancellationToken.None);
        Assert.Equal(2, history.Count);
        var (newest, superseded) = (history[0], history[1]);
        Assert.Equal(DecisionKind.Manual, superseded.Kind);
        Assert.Equal(ProcedureOutcome.Superseded, superseded.Outcome);
        Assert.Contains("superseded by an emergency", superseded.Error, StringComparison.Ordinal);
        Assert.Equal("superseded", superseded.Steps[^1].Name);
        Assert.DoesNotContain(superseded.Steps, s => s.Name == ProcedureStepNames.Apply);
        Assert.Equal(DecisionKind.Emergency, newest.Kind);
        Assert.Equal(ProcedureOutcome.Succeeded, newest.Outcome);
        Assert.Equal(3, newest.ToCapacity);

        // Found by the fault campaign (seed 256): the superseded procedure was never notified, and its end was stamped by the
        // tick's clock, after the emergency procedure had started by the orchestration's.
        var notified = Assert.Single(people.Procedures, n => n.Procedure.Outcome == ProcedureOutcome.Superseded);
        Assert.Equal(superseded.StartedAt, notified.Procedure.StartedAt);
        Assert.True(superseded.EndedAt <= newest.StartedAt, $"superseded ended {superseded.EndedAt:O}, the emergency started {newest.StartedAt:O}");

        var decisions = await estate.Services.GetRequiredService<IDecisionLog>().ListAsync(policy.Id, 10, CancellationToken.None);
        Assert.Contains(decisions, d => d.Kind == DecisionKind.Emergency && d.NewCapacity == 3);
        Assert.Single(await estate.Services.GetRequiredService<ICapacityReportStore>().ListAsync(policy.Id, 10, CancellationToken.None));
    }

    private async Task WaitForStatusAsync(string instanceId, string text, CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = await estate.Host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance?.SerializedCustomStatus?.Contains(text, StringComparison.Ordinal) == true)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Stands in for the people a procedure notification reaches (the channels are outside the process).</summary>
    private sealed class RecordingNotifier : INotifier
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<ProcedureNotification> procedures = new();

        public IReadOnlyList<ProcedureNotification> Procedures => [.. procedures];

        public Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken)
        {
            procedures.Enqueue(notification);
            return Task.CompletedTask;
        }

        public Task NotifyAlertAsync(AlertNotification alert, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
