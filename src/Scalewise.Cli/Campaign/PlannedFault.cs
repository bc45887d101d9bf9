namespace Scalewise.Cli.Campaign;

/// <summary>
/// One fault of a run's plan: <see cref="Kind"/> from <see cref="At"/> (simulated time after the run starts) for
/// <see cref="Lasting"/> (windowed kinds) or <see cref="Times"/> requests; <see cref="Amount"/> is the kind's own size
/// (a Retry-After or a metric delay in seconds, a timeout in milliseconds of real time, a request method index).
/// </summary>
public sealed record PlannedFault(CampaignFault Kind, TimeSpan At, TimeSpan Lasting, int Times, int Amount);
