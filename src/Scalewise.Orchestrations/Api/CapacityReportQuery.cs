using System.Globalization;

namespace Scalewise.Orchestrations.Api;

/// <summary>Answers <c>GET /api/targets/{target}/capacity-reports[?limit=n]</c> for every host: the reports, or a problem naming what was wrong.</summary>
public sealed class CapacityReportQuery(IPolicyStore policies, ICapacityReportStore reports)
{
    public const int DefaultLimit = 20;

    public const int MaximumLimit = 100;

    /// <summary>The target's reports, newest first; <paramref name="limit"/> is the query string's value (null when absent).</summary>
    public async Task<(TargetCapacityReports? Reports, ApiProblem? Problem)> GetAsync(string target, string? limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaximumLimit))
        {
            return (null, ApiProblem.Validation("limit", $"'limit' is '{limit}'; it must be a whole number from 1 to {MaximumLimit}."));
        }

        if (await policies.GetAsync(target, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return (null, ApiProblem.NotFound("target", $"No policy names the target '{target}'."));
        }

        var found = await reports.ListAsync(target, count, cancellationToken).ConfigureAwait(false);
        return (new TargetCapacityReports(target, stored.Policy.Target.ResourceId, found), null);
    }
}
