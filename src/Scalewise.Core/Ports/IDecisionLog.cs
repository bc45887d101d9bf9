using Scalewise.Core.Decisions;

namespace Scalewise.Core.Ports;

/// <summary>Every decision, with its reason and the values seen.</summary>
public interface IDecisionLog
{
    Task AppendAsync(ScalingDecision decision, CancellationToken cancellationToken);

    /// <summary>The target's decisions, newest first.</summary>
    Task<IReadOnlyList<ScalingDecision>> ListAsync(string policyId, int limit, CancellationToken cancellationToken);
}
