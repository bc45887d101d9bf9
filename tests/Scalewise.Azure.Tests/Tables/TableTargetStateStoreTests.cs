using Scalewise.Azure.Tables;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;

namespace Scalewise.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableTargetStateStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_NeverStored_ReturnsEmptyStateWithoutETag()
    {
        var store = new TableTargetStateStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");

        var stored = await store.GetAsync(policyId, CancellationToken.None);

        Assert.Equal(TargetState.Empty(policyId), stored.State);
        Assert.Null(stored.ETag);
    }

    [Fact]
    public async Task SaveAsync_AddThenUpdateWithETag_StoresLatestState()
    {
        var store = new TableTargetStateStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");

        var added = await store.SaveAsync(new TargetState(policyId, Start, null, 3), null, CancellationToken.None);
        var updated = await store.SaveAsync(new TargetState(policyId, Start, Start.AddHours(1), 2), added.ETag, CancellationToken.None);
        var read = await store.GetAsync(policyId, CancellationToken.None);

        Assert.Equal(new TargetState(policyId, Start, Start.AddHours(1), 2), read.State);
        Assert.Equal(updated.ETag, read.ETag);
    }

    [Fact]
    public async Task SaveAsync_SecondWriterWithSameETag_ThrowsConcurrencyConflict()
    {
        var store = new TableTargetStateStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");
        var added = await store.SaveAsync(new TargetState(policyId, null, null, 2), null, CancellationToken.None);
        await store.SaveAsync(new TargetState(policyId, Start, null, 3), added.ETag, CancellationToken.None);

        var second = store.SaveAsync(new TargetState(policyId, null, Start, 1), added.ETag, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second);
        Assert.Equal(3, (await store.GetAsync(policyId, CancellationToken.None)).State.LastKnownCapacity);
    }

    [Fact]
    public async Task SaveAsync_SecondWriterCreatingTheSameTarget_ThrowsConcurrencyConflict()
    {
        var store = new TableTargetStateStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");
        await store.SaveAsync(new TargetState(policyId, Start, null, 3), null, CancellationToken.None);

        var second = store.SaveAsync(new TargetState(policyId, null, Start, 1), null, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second);
    }

    [Fact]
    public async Task GetAsync_AfterSavingEngineState_ReturnsWarmingSkuRecommendationsAndFailures()
    {
        var store = new TableTargetStateStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("cache");
        var state = new TargetState(policyId, Start, null, 4)
        {
            WarmingInstances = 2,
            CurrentSku = "Standard_C2",
            RecentRecommendations = [new CapacityRecommendation(Start, 5), new CapacityRecommendation(Start.AddMinutes(1), 3)],
            ConsecutiveMetricFailures = 3,
        };

        await store.SaveAsync(state, null, CancellationToken.None);
        var read = (await store.GetAsync(policyId, CancellationToken.None)).State;

        Assert.Equal(2, read.WarmingInstances);
        Assert.Equal("Standard_C2", read.CurrentSku);
        Assert.Equal(3, read.ConsecutiveMetricFailures);
        Assert.Equal(state.RecentRecommendations, read.RecentRecommendations);
        Assert.Equal(4, read.LastKnownCapacity);
    }

    [Fact]
    public async Task SaveAsync_MoreRecommendationsThanTheBound_KeepsTheNewest()
    {
        var store = new TableTargetStateStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");
        var count = TableTargetStateStore.MaxStoredRecommendations + 30;
        var recommendations = Enumerable.Range(0, count).Select(i => new CapacityRecommendation(Start.AddMinutes(i), 2 + (i % 7))).ToList();

        await store.SaveAsync(new TargetState(policyId, null, null, 2) { RecentRecommendations = recommendations }, null, CancellationToken.None);
        var read = (await store.GetAsync(policyId, CancellationToken.None)).State;

        Assert.Equal(TableTargetStateStore.MaxStoredRecommendations, read.RecentRecommendations.Count);
        Assert.Equal(recommendations[^1], read.RecentRecommendations[^1]);
        Assert.Equal(Start.AddMinutes(30), read.RecentRecommendations[0].At);
    }

    [Fact]
    public async Task SaveAsync_StateWithoutRecommendationsReplacingOneWithThem_ClearsThem()
    {
        var store = new TableTargetStateStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");
        var added = await store.SaveAsync(
            new TargetState(policyId, null, null, 2) { RecentRecommendations = [new CapacityRecommendation(Start, 4)], CurrentSku = "Standard_D2s_v5" },
            null,
            CancellationToken.None);

        await store.SaveAsync(new TargetState(policyId, null, null, 2), added.ETag, CancellationToken.None);
        var read = (await store.GetAsync(policyId, CancellationToken.None)).State;

        Assert.Empty(read.RecentRecommendations);
        Assert.Null(read.CurrentSku);
    }
}
