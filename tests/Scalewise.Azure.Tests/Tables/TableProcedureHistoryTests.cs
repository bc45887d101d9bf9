using Scalewise.Azure.Tables;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Procedures;

namespace Scalewise.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableProcedureHistoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAsync_RewrittenAsStepsComplete_KeepsOneRowWithAllSteps()
    {
        var history = new TableProcedureHistory(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");
        var snapshot = new ProcedureStep("SnapshotTarget", Start, Start.AddSeconds(2), "capacity 2");
        var scale = new ProcedureStep("ApplyCapacity", Start.AddSeconds(2), Start.AddMinutes(3), "capacity 3 Succeeded");
        var running = TestData.Procedure(policyId, Start, snapshot);

        await history.SaveAsync(running, CancellationToken.None);
        await history.SaveAsync(running with { Steps = [snapshot, scale], EndedAt = Start.AddMinutes(3), Outcome = ProcedureOutcome.Succeeded }, CancellationToken.None);

        var read = await history.GetAsync(policyId, running.InstanceId, Start, CancellationToken.None);
        var listed = await history.ListAsync(policyId, 10, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(ProcedureOutcome.Succeeded, read.Outcome);
        Assert.Equal(Start.AddMinutes(3), read.EndedAt);
        Assert.Equal(["SnapshotTarget", "ApplyCapacity"], read.Steps.Select(s => s.Name));
        Assert.Equal("capacity 3 Succeeded", read.Steps[1].Result);
        Assert.Single(listed);
    }

    [Fact]
    public async Task ListAsync_SeveralProcedures_ReturnsNewestFirst()
    {
        var history = new TableProcedureHistory(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("web");
        foreach (var hour in new[] { 1, 3, 2 })
        {
            await history.SaveAsync(TestData.Procedure(policyId, Start.AddHours(hour)), CancellationToken.None);
        }

        var listed = await history.ListAsync(policyId, 2, CancellationToken.None);

        Assert.Equal([Start.AddHours(3), Start.AddHours(2)], listed.Select(p => p.StartedAt));
    }

    [Fact]
    public async Task SaveAsync_VerticalProcedure_KeepsFromAndToSku()
    {
        var history = new TableProcedureHistory(azurite.CreateTableServiceClient());
        var policyId = TestData.UniqueId("vm");
        var resize = TestData.Procedure(policyId, Start) with { FromSku = "Standard_D2s_v3", ToSku = "Standard_D4s_v3" };

        await history.SaveAsync(resize, CancellationToken.None);

        var read = await history.GetAsync(policyId, resize.InstanceId, Start, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal("Standard_D2s_v3", read.FromSku);
        Assert.Equal("Standard_D4s_v3", read.ToSku);
    }

    [Fact]
    public async Task GetAsync_UnknownProcedure_ReturnsNull()
    {
        var history = new TableProcedureHistory(azurite.CreateTableServiceClient());

        Assert.Null(await history.GetAsync(TestData.UniqueId("web"), "scale-nothing", Start, CancellationToken.None));
    }
}
