using Microsoft.DurableTask.Client;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// Handles <c>POST /api/targets/{target}/scale</c>: validates the request against the policy's bounds, records the
/// manual decision, and starts the target's procedure unless one is already running.
/// </summary>
public sealed class ManualScaleRequests(
    IPolicyStore policies,
    ITargetController targets,
    IDecisionLog decisions,
    ProcedureLauncher launcher,
    TimeProvider time)
{
    public async Task<ScaleRequestOutcome> RequestAsync(DurableTaskClient client, string target, string? body, string? caller, CancellationToken cancellationToken)
    {
        var command = ManualScaleCommand.Parse(body, out var problem);
        if (command is null)
        {
            return ScaleRequestOutcome.Rejected(problem!);
        }

        var stored = await policies.GetAsync(target, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return ScaleRequestOutcome.Rejected(ApiProblem.NotFound("target", $"No policy names the target '{target}'. Store a policy with that id first."));
        }

        var policy = stored.Policy;
        var current = await targets.GetAsync(policy.Target.ResourceId, cancellationToken).ConfigureAwait(false);
        var requestedBy = command.RequestedBy ?? caller ?? "anonymous";
        var result = ManualScaling.Decide(policy, command.Capacity, current.Capacity, requestedBy, command.Reason, time.GetUtcNow());
        if (result.Decision is not { } decision)
        {
            return ScaleRequestOutcome.Rejected(ApiProblem.Validation(result.Field ?? "capacity", result.Error ?? "The capacity is not allowed."));
        }

        if (await ProcedureLauncher.FindRunningAsync(client, policy.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return ScaleRequestOutcome.AlreadyRunning(Core.Procedures.ProcedureIds.ForTarget(policy.Id));
        }

        await decisions.AppendAsync(decision, cancellationToken).ConfigureAwait(false);
        if (!decision.RequiresAction)
        {
            return ScaleRequestOutcome.Rejected(ApiProblem.Validation("capacity", $"The target already has capacity {current.Capacity}; nothing to do."));
        }

        var launch = await launcher.LaunchAsync(client, policy, decision, requestedBy, cancellationToken).ConfigureAwait(false);
        return launch.Started ? ScaleRequestOutcome.StartedProcedure(launch.InstanceId) : ScaleRequestOutcome.AlreadyRunning(launch.InstanceId);
    }
}
