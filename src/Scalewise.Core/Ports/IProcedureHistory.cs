using Scalewise.Core.Procedures;

namespace Scalewise.Core.Ports;

/// <summary>Procedure records: one row per procedure, rewritten as its steps complete.</summary>
public interface IProcedureHistory
{
    Task SaveAsync(ProcedureRecord record, CancellationToken cancellationToken);

    Task<ProcedureRecord?> GetAsync(string policyId, string instanceId, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>The target's procedures, newest first.</summary>
    Task<IReadOnlyList<ProcedureRecord>> ListAsync(string policyId, int limit, CancellationToken cancellationToken);
}
