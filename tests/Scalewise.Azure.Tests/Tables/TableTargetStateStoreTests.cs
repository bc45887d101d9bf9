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
}
