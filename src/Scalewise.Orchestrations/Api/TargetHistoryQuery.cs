namespace Scalewise.Orchestrations.Api;

/// <summary>Reads a target's history for the HTTP API.</summary>
public sealed class TargetHistoryQuery(IPolicyStore policies, IDecisionLog decisions, IProcedureHistory procedures)
{
    public const int DefaultLimit = 50;

    /// <summary>The history, or null when no policy names the target.</summary>
    public async Task<TargetHistory?> GetAsync(string target, int limit, CancellationToken cancellationToken)
    {
        var policy = await policies.GetAsync(target, cancellationToken).ConfigureAwait(false);
        if (policy is null)
        {
            return null;
        }

        var madeDecisions = await decisions.ListAsync(target, limit, cancellationToken).ConfigureAwait(false);
        var ranProcedures = await procedures.ListAsync(target, limit, cancellationToken).ConfigureAwait(false);
        return new TargetHistory(target, policy.Policy.Target.ResourceId, madeDecisions, ranProcedures);
    }
}
