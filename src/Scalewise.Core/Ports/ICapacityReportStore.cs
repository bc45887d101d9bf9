using Scalewise.Core.Reports;

namespace Scalewise.Core.Ports;

/// <summary>Post-event capacity reports, one per emergency; a stored report is never overwritten.</summary>
public interface ICapacityReportStore
{
    /// <summary>Stores a new report and returns it; when one is already stored for the same emergency, that one is kept and returned.</summary>
    Task<CapacityReport> AddAsync(CapacityReport report, CancellationToken cancellationToken);

    /// <summary>The target's reports, newest emergency first.</summary>
    Task<IReadOnlyList<CapacityReport>> ListAsync(string policyId, int limit, CancellationToken cancellationToken);
}
