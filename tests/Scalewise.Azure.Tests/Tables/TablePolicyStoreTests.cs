using Microsoft.Extensions.Time.Testing;
using Scalewise.Azure.Tables;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;

namespace Scalewise.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TablePolicyStoreTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    private TablePolicyStore CreateStore() => new(azurite.CreateTableServiceClient(), time);

    [Fact]
    public async Task UpsertAsync_NewPolicy_GetAndListReturnIt()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("web"));

        var stored = await store.UpsertAsync(policy, ifMatch: null, CancellationToken.None);
        var read = await store.GetAsync(policy.Id, CancellationToken.None);
        var listed = await store.ListAsync(CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(stored.ETag, read.ETag);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal(policy.Target, read.Policy.Target);
        Assert.Equal(policy.Capacity, read.Policy.Capacity);
        Assert.Equal(policy.WarmUp, read.Policy.WarmUp);
        Assert.Equal(policy.Rules.Single(), read.Policy.Rules.Single());
        Assert.Contains(listed, p => p.Policy.Id == policy.Id);
    }

    [Fact]
    public async Task GetAsync_UnknownPolicy_ReturnsNull()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync(TestData.UniqueId("missing"), CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_CurrentIfMatch_ReplacesPolicy()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("web"));
        var first = await store.UpsertAsync(policy, null, CancellationToken.None);

        var second = await store.UpsertAsync(policy with { Capacity = new CapacityBounds(2, 20, 4) }, first.ETag, CancellationToken.None);
        var read = await store.GetAsync(policy.Id, CancellationToken.None);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(20, read!.Policy.Capacity.Maximum);
    }

    [Fact]
    public async Task UpsertAsync_StaleIfMatch_ThrowsConcurrencyConflictAndKeepsWinner()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("web"));
        var original = await store.UpsertAsync(policy, null, CancellationToken.None);
        await store.UpsertAsync(policy with { Capacity = new CapacityBounds(1, 15, 2) }, original.ETag, CancellationToken.None);

        var stale = store.UpsertAsync(policy with { Capacity = new CapacityBounds(1, 99, 2) }, original.ETag, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale);
        Assert.Contains(policy.Id, conflict.Message, StringComparison.Ordinal);
        Assert.Equal(15, (await store.GetAsync(policy.Id, CancellationToken.None))!.Policy.Capacity.Maximum);
    }

    [Fact]
    public async Task UpsertAsync_SeveralVersions_KeepsEveryVersionNewestFirst()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("web"));
        foreach (var maximum in new[] { 10, 12, 14 })
        {
            await store.UpsertAsync(policy with { Capacity = new CapacityBounds(1, maximum, 2) }, null, CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var versions = await store.ListVersionsAsync(policy.Id, 10, CancellationToken.None);

        Assert.Equal([14, 12, 10], versions.Select(v => v.Policy.Capacity.Maximum));
    }

    [Fact]
    public async Task UpsertAsync_ConcurrentWritesWithTheSameETag_OneWinsAndTheOtherConflicts()
    {
        var store = CreateStore();
        for (var round = 0; round < 5; round++)
        {
            var policy = TestData.Policy(TestData.UniqueId("race"));
            var original = await store.UpsertAsync(policy, null, CancellationToken.None);
            using var start = new ManualResetEventSlim();
            var writers = new[] { 21, 22 }.Select(maximum => Task.Run(async () =>
            {
                start.Wait();
                return await store.UpsertAsync(policy with { Capacity = new CapacityBounds(1, maximum, 2) }, original.ETag, CancellationToken.None);
            })).ToList();
            start.Set();

            var outcomes = await Task.WhenAll(writers.Select(async w =>
            {
                try
                {
                    return (Stored: await w, Conflict: (ConcurrencyConflictException?)null);
                }
                catch (ConcurrencyConflictException ex)
                {
                    return (Stored: (StoredPolicy?)null, Conflict: ex);
                }
            }));

            var winner = Assert.Single(outcomes, o => o.Stored is not null).Stored!;
            Assert.Single(outcomes, o => o.Conflict is not null);
            var current = await store.GetAsync(policy.Id, CancellationToken.None);
            Assert.Equal(winner.ETag, current!.ETag);
            Assert.Equal(winner.Policy.Capacity.Maximum, current.Policy.Capacity.Maximum);
            var versions = await store.ListVersionsAsync(policy.Id, 10, CancellationToken.None);
            Assert.Equal(2, versions.Count);
        }
    }

    [Fact]
    public async Task UpsertAsync_AfterWrites_NewestVersionCarriesTheCurrentETag()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("web"));
        var first = await store.UpsertAsync(policy, null, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await store.UpsertAsync(policy with { Capacity = new CapacityBounds(1, 30, 2) }, first.ETag, CancellationToken.None);

        var versions = await store.ListVersionsAsync(policy.Id, 10, CancellationToken.None);

        Assert.Equal([second.ETag, first.ETag], versions.Select(v => v.ETag));
        Assert.Equal(time.GetUtcNow(), versions[0].LastModified);
    }

    [Fact]
    public async Task CreateAsync_NewPolicy_StoresIt()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("new"));

        var created = await store.CreateAsync(policy, CancellationToken.None);

        Assert.Equal(created.ETag, (await store.GetAsync(policy.Id, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task CreateAsync_PolicyExists_ThrowsConcurrencyConflictAndKeepsTheOriginal()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("taken"), maximum: 10);
        await store.CreateAsync(policy, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CreateAsync(policy with { Capacity = new CapacityBounds(1, 50, 2) }, CancellationToken.None));

        Assert.Equal(10, (await store.GetAsync(policy.Id, CancellationToken.None))!.Policy.Capacity.Maximum);
        Assert.Single(await store.ListVersionsAsync(policy.Id, 10, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_ExistingPolicy_RemovesItAndKeepsEveryVersion()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("gone"));
        var first = await store.UpsertAsync(policy, null, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await store.UpsertAsync(policy with { Capacity = new CapacityBounds(1, 12, 2) }, first.ETag, CancellationToken.None);

        var deleted = await store.DeleteAsync(policy.Id, null, CancellationToken.None);

        Assert.True(deleted);
        Assert.Null(await store.GetAsync(policy.Id, CancellationToken.None));
        Assert.DoesNotContain(await store.ListAsync(CancellationToken.None), p => p.Policy.Id == policy.Id);
        var versions = await store.ListVersionsAsync(policy.Id, 10, CancellationToken.None);
        Assert.Equal([12, 10], versions.Select(v => v.Policy.Capacity.Maximum));
    }

    [Fact]
    public async Task DeleteAsync_UnknownPolicy_ReturnsFalse()
    {
        var store = CreateStore();

        Assert.False(await store.DeleteAsync(TestData.UniqueId("missing"), null, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_StaleIfMatch_ThrowsConcurrencyConflictAndKeepsThePolicy()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("keep"));
        var original = await store.UpsertAsync(policy, null, CancellationToken.None);
        var changed = await store.UpsertAsync(policy with { Capacity = new CapacityBounds(1, 15, 2) }, original.ETag, CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.DeleteAsync(policy.Id, original.ETag, CancellationToken.None));

        Assert.Equal(changed.ETag, (await store.GetAsync(policy.Id, CancellationToken.None))!.ETag);
        Assert.True(await store.DeleteAsync(policy.Id, changed.ETag, CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_PolicyLargerThanOneColumn_RoundTrips()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("big"));
        var rule = policy.Rules[0];
        var many = Enumerable.Range(0, 400).Select(i => rule with { Name = $"rule-{i:D3}-" + new string('x', 100) }).ToList();
        var big = policy with { Rules = many };

        await store.UpsertAsync(big, null, CancellationToken.None);
        var read = await store.GetAsync(big.Id, CancellationToken.None);

        Assert.Equal(400, read!.Policy.Rules.Count);
        Assert.Equal(many[^1].Name, read.Policy.Rules[^1].Name);
    }

    [Fact]
    public async Task UpsertAsync_IdWithSlash_IsStoredAndFound()
    {
        var store = CreateStore();
        var policy = TestData.Policy(TestData.UniqueId("team/web"));

        await store.UpsertAsync(policy, null, CancellationToken.None);

        Assert.NotNull(await store.GetAsync(policy.Id, CancellationToken.None));
    }
}
