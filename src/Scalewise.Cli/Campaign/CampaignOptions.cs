namespace Scalewise.Cli.Campaign;

/// <summary>
/// The options of <c>scalewise campaign</c>: <see cref="Runs"/> runs from seed <see cref="Seed"/> on (run k draws from seed
/// <see cref="Seed"/> + k), <see cref="Parallel"/> of them at once on the one host, <see cref="Speed"/> times faster than real time.
/// </summary>
public sealed record CampaignOptions(int Runs, int Seed, int Parallel, double Speed);
