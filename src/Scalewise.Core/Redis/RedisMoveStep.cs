namespace Scalewise.Core.Redis;

/// <summary>
/// One scaling operation: from one SKU to the next, why, whether it loses the cache's data (a Basic cache resize), and how
/// long to wait for <c>provisioningState</c> Succeeded before calling it failed.
/// </summary>
public sealed record RedisMoveStep(RedisSku From, RedisSku To, RedisMoveKind Kind, string Reason, bool LosesData, TimeSpan TimeBudget);
