using Scalewise.Core.Procedures;

namespace Scalewise.Core.Ports;

/// <summary>
/// Approvals, one open at a time per procedure instance. A procedure opens one and polls it; the HTTP API answers
/// it. Storing the answer (rather than only raising an event) keeps who answered, and when, with the procedure.
/// </summary>
public interface IApprovalStore
{
    /// <summary>Opens (or reopens, for a new run of the same instance id) the approval, clearing any earlier answer.</summary>
    Task OpenAsync(ApprovalRequest request, CancellationToken cancellationToken);

    Task<ApprovalRecord?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Records the answer; false when the approval is not open, already answered, or past its deadline at <paramref name="now"/>.</summary>
    Task<bool> AnswerAsync(string instanceId, ApprovalAnswer answer, DateTimeOffset now, CancellationToken cancellationToken);
}
