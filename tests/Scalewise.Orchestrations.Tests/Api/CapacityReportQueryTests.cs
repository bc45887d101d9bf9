using Microsoft.Extensions.DependencyInjection;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;
using Scalewise.Core.Reports;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Orchestrations.Tests.Api;

[Collection(LocalEstateCollection.Name)]
public sealed class CapacityReportQueryTests(LocalEstateFixture estate)
{
    private CapacityReportQuery Query => estate.Services.GetRequiredService<CapacityReportQuery>();

    [Fact]
    public async Task GetAsync_StoredReports_NewestFirstWithinTheLimit()
    {
        var (policy, _) = await estate.AddTargetAsync("reports", capacity: 2);
        var store = estate.Services.GetRequiredService<ICapacityReportStore>();
        var decided = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        foreach (var hour in new[] { 1, 2, 3 })
        {
            await store.AddAsync(Report(policy.Id, policy.Target.ResourceId, decided.AddHours(hour)), CancellationToken.None);
        }

        var (found, problem) = await Query.GetAsync(policy.Id, "2", CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(policy.Target.ResourceId, found!.TargetResourceId);
        Assert.Equal([decided.AddHours(3), decided.AddHours(2)], found.Reports.Select(r => r.DecidedAt));
    }

    [Fact]
    public async Task GetAsync_UnknownTarget_Returns404NamingTarget()
    {
        var (_, problem) = await Query.GetAsync("no-such-target", null, CancellationToken.None);

        Assert.Equal((404, "target"), (problem!.Status, problem.Field));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("ten")]
    [InlineData("-1")]
    public async Task GetAsync_BadLimit_Returns400NamingLimit(string limit)
    {
        var (_, problem) = await Query.GetAsync("anything", limit, CancellationToken.None);

        Assert.Equal((400, "limit"), (problem!.Status, problem.Field));
    }

    private static CapacityReport Report(string policyId, string resourceId, DateTimeOffset decided) => new(
        policyId, resourceId, "scale-" + policyId, decided, "test", ProcedureOutcome.Succeeded, 2, 4, decided.AddMinutes(-5), decided.AddMinutes(10),
        "Requests per minute", 300, decided, 3, decided.AddMinutes(2), TimeSpan.FromMinutes(2), 2, 15, 1, 10, 2, 10, "test report");
}
