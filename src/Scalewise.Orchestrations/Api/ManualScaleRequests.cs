using Microsoft.DurableTask.Client;
using Azure;
using Scalewise.Azure.Targets;
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

        var stored = RouteIds.IsPolicyId(target) ? await policies.GetAsync(target, cancellationToken).ConfigureAwait(false) : null;
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

        TargetSnapshot current;
        try
        {
            current = await targets.ReadAsync(policy.Target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TargetOperationException or RequestFailedException or HttpRequestException or AggregateException)
        {
            return ScaleRequestOutcome.Rejected(Unreadable(target, ex));
        }

        var requestedBy = command.RequestedBy ?? caller ?? "anonymous";
        var result = command.Sku is { } sku
            ? ManualScaling.DecideSku(policy, sku, current.Sku, requestedBy, command.Reason, time.GetUtcNow())
            : ManualScaling.Decide(policy, command.Capacity!.Value, current.Capacity, requestedBy, command.Reason, time.GetUtcNow());
        if (result.Decision is not { } decision)
        {
            return ScaleRequestOutcome.Rejected(ApiProblem.Validation(result.Field ?? (vertical ? "sku" : "capacity"), result.Error ?? "The request is not allowed."));
        }

        if (await RunningProcedures.FindAsync(client, policy.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return ScaleRequestOutcome.AlreadyRunning(Core.Procedures.ProcedureIds.ForTarget(policy.Id));
        }

        if (vertical ? !decision.RequiresSkuChange : !decision.RequiresAction)
        {
            await decisions.AppendAsync(decision, cancellationToken).ConfigureAwait(false);
            return ScaleRequestOutcome.Rejected(vertical
                ? ApiProblem.Validation("sku", $"The target is already on SKU {current.Sku}; nothing to do.")
                : ApiProblem.Validation("capacity", $"The target already has capacity {current.Capacity}; nothing to do."));
        }

        // Only the request that starts the procedure records its decision; the others are answered 409.
        var launch = await launcher.LaunchAsync(client, policy, decision, requestedBy, cancellationToken).ConfigureAwait(false);
        if (launch.Started)
        {
            await decisions.AppendAsync(decision, cancellationToken).ConfigureAwait(false);
        }

        return launch.Started ? ScaleRequestOutcome.StartedProcedure(launch.InstanceId) : ScaleRequestOutcome.AlreadyRunning(launch.InstanceId);
    }

    /// <summary>
    /// ARM did not let the target be read, so nothing was decided or started: 503 with ARM's Retry-After when it may pass
    /// (throttled, no answer, 5xx); 404 when ARM says the policy's resource does not exist (the policy names a resource that
    /// is gone, which the caller can fix); else 502 (ARM refused, e.g. 403).
    /// </summary>
    private static ApiProblem Unreadable(string target, Exception ex)
    {
        var arm = ex as TargetOperationException;
        var transient = arm?.IsTransient ?? ApiGuard.IsStorageOutage(ex);
        var missing = arm?.Status == 404 || (ex as RequestFailedException)?.Status == 404;
        var detail = $"The target '{target}' could not be read from Azure Resource Manager, so nothing was changed: {ex.Message}";
        if (transient)
        {
            return ApiProblem.TargetUnreadable(target, 503, detail + " Retry later.")
                with { RetryAfterSeconds = (int)Math.Ceiling((arm?.RetryAfter ?? TimeSpan.FromSeconds(ApiGuard.StorageRetryAfterSeconds)).TotalSeconds) };
        }

        return missing
            ? ApiProblem.NotFound("target", detail + " Fix the policy's target.resourceId, or delete the policy.")
            : ApiProblem.TargetUnreadable(target, 502, detail + " Check Scalewise's access to the resource.");
    }
}
