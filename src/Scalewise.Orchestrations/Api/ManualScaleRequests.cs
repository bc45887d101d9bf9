using Microsoft.DurableTask.Client;
using Scalewise.Orchestrations.Evaluation;

namespace Scalewise.Orchestrations.Api;

/// <summary>
/// Handles <c>POST /api/targets/{target}/scale</c>: validates the request against the policy's bounds, records the
/// manual decision, and starts the target's procedure unless one is already running. A scale set is asked for a capacity;
/// a VM or a Redis cache for a SKU on the policy's ladder, which starts its resize or scale procedure.
/// </summary>
public sealed class ManualScaleRequests(
    IPolicyStore policies,
    TargetReader targets,
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
        var vertical = SkuLadderMoves.IsVerticalKind(policy.Target.Kind);
        if (vertical && command.Sku is null)
        {
            return ScaleRequestOutcome.Rejected(ApiProblem.Validation("sku", $"The target '{target}' is a {policy.Target.Kind}, which scales by SKU: send {{\"sku\": \"<a SKU on its ladder>\"}}, not a capacity."));
        }

        if (!vertical && command.Sku is not null)
        {
            return ScaleRequestOutcome.Rejected(ApiProblem.Validation("capacity", $"The target '{target}' is a scale set, which scales by instance count: send {{\"capacity\": <whole number>}}, not a SKU."));
        }

        var current = await targets.ReadAsync(policy.Target, cancellationToken).ConfigureAwait(false);
        var requestedBy = command.RequestedBy ?? caller ?? "anonymous";
        var result = command.Sku is { } sku
            ? ManualScaling.DecideSku(policy, sku, current.Sku, requestedBy, command.Reason, time.GetUtcNow())
            : ManualScaling.Decide(policy, command.Capacity!.Value, current.Capacity, requestedBy, command.Reason, time.GetUtcNow());
        if (result.Decision is not { } decision)
        {
            return ScaleRequestOutcome.Rejected(ApiProblem.Validation(result.Field ?? (vertical ? "sku" : "capacity"), result.Error ?? "The request is not allowed."));
        }

        if (await ProcedureLauncher.FindRunningAsync(client, policy.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return ScaleRequestOutcome.AlreadyRunning(Core.Procedures.ProcedureIds.ForTarget(policy.Id));
        }

        await decisions.AppendAsync(decision, cancellationToken).ConfigureAwait(false);
        if (vertical ? !decision.RequiresSkuChange : !decision.RequiresAction)
        {
            return ScaleRequestOutcome.Rejected(vertical
                ? ApiProblem.Validation("sku", $"The target is already on SKU {current.Sku}; nothing to do.")
                : ApiProblem.Validation("capacity", $"The target already has capacity {current.Capacity}; nothing to do."));
        }

        var launch = await launcher.LaunchAsync(client, policy, decision, requestedBy, cancellationToken).ConfigureAwait(false);
        return launch.Started ? ScaleRequestOutcome.StartedProcedure(launch.InstanceId) : ScaleRequestOutcome.AlreadyRunning(launch.InstanceId);
    }
}
