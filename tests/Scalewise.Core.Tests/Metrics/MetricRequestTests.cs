using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;

namespace Scalewise.Core.Tests.Metrics;

public sealed class MetricRequestTests
{
    private const string QueueId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/orders";

    private static MetricTrigger Trigger(params MetricDimension[] dimensions) => new(
        "ActiveMessages",
        "Microsoft.ServiceBus/namespaces",
        QueueId,
        TimeAggregation.Average,
        TimeAggregation.Average,
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        ComparisonOperator.GreaterThan,
        100,
        dimensions.Length == 0 ? null : dimensions);

    [Fact]
    public void ToRequest_RuleWithDimensions_CarriesArmFilter()
    {
        var trigger = Trigger(new MetricDimension("EntityName", DimensionOperator.Equals, ["payments", "orders"]));

        var request = trigger.ToRequest("/subscriptions/s/target");

        Assert.Equal("EntityName eq 'orders' or EntityName eq 'payments'", request.DimensionFilter);
        Assert.Equal(QueueId, request.ResourceId);
    }

    [Fact]
    public void ToRequest_SameDimensionsInAnotherOrder_RequestsAreEqual()
    {
        var first = Trigger(
            new MetricDimension("EntityName", DimensionOperator.Equals, ["orders", "payments"]),
            new MetricDimension("OperationResult", DimensionOperator.NotEquals, ["Success"]));
        var second = Trigger(
            new MetricDimension("OperationResult", DimensionOperator.NotEquals, ["Success"]),
            new MetricDimension("EntityName", DimensionOperator.Equals, ["payments", "orders"]));

        var a = first.ToRequest("/t");
        var b = second.ToRequest("/t");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("EntityName eq 'orders' or EntityName eq 'payments' and OperationResult ne 'Success'", a.DimensionFilter);
    }

    [Fact]
    public void ToRequest_DifferentDimensionValues_RequestsDiffer()
    {
        var orders = Trigger(new MetricDimension("EntityName", DimensionOperator.Equals, ["orders"])).ToRequest("/t");
        var payments = Trigger(new MetricDimension("EntityName", DimensionOperator.Equals, ["payments"])).ToRequest("/t");
        var unfiltered = Trigger().ToRequest("/t");

        Assert.NotEqual(orders, payments);
        Assert.NotEqual(orders, unfiltered);
        Assert.Null(unfiltered.DimensionFilter);
    }

    [Fact]
    public void FilterFor_NotEqualsWithSeveralValuesAndAQuote_JoinsWithAndAndDoublesTheQuote()
    {
        var filter = MetricRequest.FilterFor([new MetricDimension("Instance", DimensionOperator.NotEquals, ["o'brien", "a"])]);

        Assert.Equal("Instance ne 'a' and Instance ne 'o''brien'", filter);
    }
}
