using Scalewise.LocalSupport;
namespace Scalewise.Orchestrations.Tests.Replays;

/// <summary>
/// The local estate (Azurite, the simulator over HTTPS, the in-process Durable host) on a <see cref="ReplayClock"/>: ticks
/// are whole simulated minutes, procedures finish within their minute (the simulator's delays are one tick, warm-ups are
/// compressed 300 times on the host's real clock; a cache's or VM's warm-up also passes on the replay clock).
/// </summary>
public sealed class SeedReplayFixture : IAsyncLifetime
{
    /// <summary>A whole minute: every replay starts on one, after the previous replay's last minute.</summary>
    private static readonly DateTimeOffset Origin = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    public SeedReplayFixture()
    {
        Estate = new LocalEstateFixture(Clock, Clock.Estate, new Dictionary<string, string?>
        {
            ["Scalewise:Procedures:ProvisioningPollInterval"] = "00:00:00.100",
        }, new CompressedProcedureClock(300));
    }

    internal ReplayClock Clock { get; } = new(Origin);

    public LocalEstateFixture Estate { get; }

    public Task InitializeAsync() => Estate.InitializeAsync();

    public Task DisposeAsync() => Estate.DisposeAsync();
}
