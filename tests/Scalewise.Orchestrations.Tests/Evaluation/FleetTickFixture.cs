using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.LocalSupport;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>
/// A fleet of 300 mixed targets (3 subscriptions, 4 resource groups each; scale sets, VMs, caches, Managed Redis; every 20th
/// scale set loaded above its threshold), all observed, in a local estate of its own with the metrics batch reader on, on a
/// clock that has run 15 minutes so that every window has data.
/// </summary>
public sealed class FleetTickFixture : IAsyncLifetime
{
    public static readonly FleetShape Shape = new(Targets: 300, Subscriptions: 3, ResourceGroupsPerSubscription: 4, ScalingEvery: 20, Active: false);

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public FleetTickFixture() => Estate = new LocalEstateFixture(clock, clock, new Dictionary<string, string?>
    {
        ["Scalewise:Metrics:UseBatch"] = "true",
        ["Scalewise:Metrics:BatchEndpoint"] = LocalEstateFixture.SimulatorUrl,
    });

    public LocalEstateFixture Estate { get; }

    public IReadOnlyList<ScalingPolicy> Policies { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Estate.InitializeAsync();
        Policies = FleetEstate.Add(Estate.Simulator.Estate, Shape);
        var store = Estate.Services.GetRequiredService<IPolicyStore>();
        await Parallel.ForEachAsync(Policies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (policy, token) => await store.UpsertAsync(policy, ifMatch: null, token));
        clock.Advance(TimeSpan.FromMinutes(15));
    }

    public Task DisposeAsync() => Estate.DisposeAsync();
}
