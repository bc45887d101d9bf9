using Scalewise.Azure.Tables;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Procedures;
using Scalewise.Core.Reports;

namespace Scalewise.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableCapacityReportStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Decided = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddAsync_ThenList_ReadsBackEveryField()
    {
        var store = new TableCapacityReportStore(azurite.CreateTableServiceClient());
        var report = Report(TestData.UniqueId("web"), Decided);

        await store.AddAsync(report, CancellationToken.None);
        var listed = await store.ListAsync(report.PolicyId, 10, CancellationToken.None);

        Assert.Equal(report, Assert.Single(listed));
    }

    [Fact]
    public async Task AddAsync_SameEmergencyWrittenTwice_KeepsTheFirstReportAndReturnsIt()
    {
        var store = new TableCapacityReportStore(azurite.CreateTableServiceClient());
        var first = Report(TestData.UniqueId("web"), Decided);
        var second = first with { RecommendedMinimum = 9, Summary = "a later, different report" };

        await store.AddAsync(first, CancellationToken.None);
        var returned = await store.AddAsync(second, CancellationToken.None);

        Assert.Equal(first, returned);
        Assert.Equal(first, Assert.Single(await store.ListAsync(first.PolicyId, 10, CancellationToken.None)));
    }

    [Fact]
    public async Task ListAsync_SeveralEmergencies_NewestFirstAndLimited()
    {
        var store = new TableCapacityReportStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");
        foreach (var hour in new[] { 1, 3, 2 })
        {
            await store.AddAsync(Report(policyId, Decided.AddHours(hour)), CancellationToken.None);
        }

        var listed = await store.ListAsync(policyId, 2, CancellationToken.None);

        Assert.Equal([Decided.AddHours(3), Decided.AddHours(2)], listed.Select(r => r.DecidedAt));
    }

    [Fact]
    public async Task ListAsync_PolicyIdWithSlash_IsKeptApartFromOthers()
    {
        var store = new TableCapacityReportStore(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("team/web");
        await store.AddAsync(Report(policyId, Decided), CancellationToken.None);

        Assert.Single(await store.ListAsync(policyId, 10, CancellationToken.None));
        Assert.Empty(await store.ListAsync(TestData.UniqueId("team"), 10, CancellationToken.None));
    }

    private static CapacityReport Report(string policyId, DateTimeOffset decided) => new(
        policyId,
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web",
        "scale-" + policyId,
        decided,
        "Emergency scale out 2 → 6: requests rose 40% in a minute",
        ProcedureOutcome.Succeeded,
        2,
        6,
        decided.AddMinutes(-5),
        decided.AddMinutes(12),
        "Requests per minute",
        2500.5,
        decided.AddMinutes(2),
        25,
        decided.AddMinutes(4),
        TimeSpan.FromMinutes(4),
        5,
        17,
        2,
        20,
        20,
        32,
        "Emergency 2 → 6: demand peaked at 2500.5.");
}
