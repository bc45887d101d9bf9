using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalewise.Core.Decisions;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Ports;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Telemetry;
using Scalewise.Simulator.Load;

namespace Scalewise.Orchestrations.Tests.Telemetry;

/// <summary>
/// What an operator sees in Application Insights or any OTLP backend after a scale-out on the estate: the evaluation span
/// with its decision, the procedure span with a child per step, and the decision, procedure and capacity metrics.
/// </summary>
[Collection(LocalEstateCollection.Name)]
public sealed class ScalewiseTelemetryTests(LocalEstateFixture estate)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ScaleOutOnTheEstate_EmitsEvaluationAndProcedureSpansAndTheDecisionMetrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(ScalewiseTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(ScalewiseTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var (added, scaleSet) = await estate.AddTargetAsync("otel", capacity: 2, minimum: 1, maximum: 10);
        scaleSet.SetLoad(new ConstantLoadProfile(60));
        var policy = added with { Rules = [CpuHigh()] };
        await estate.Services.GetRequiredService<IPolicyStore>().UpsertAsync(policy, ifMatch: null, CancellationToken.None);

        var decision = await estate.Services.GetRequiredService<PolicyEvaluation>().EvaluateAsync(estate.Host.Client, policy, CancellationToken.None);
        using var budget = new CancellationTokenSource(Budget);
        await estate.Host.Client.WaitForInstanceCompletionAsync($"scale-{policy.Id}", budget.Token);
        tracing.ForceFlush();
        metering.ForceFlush();

        Assert.Equal((DecisionOutcome.Scale, 4), (decision!.Outcome, decision.NewCapacity));
        var mine = spans.Where(s => Equals(s.GetTagItem("scalewise.policy"), policy.Id)).ToList();
        var evaluation = Assert.Single(mine, s => s.OperationName == "scalewise.evaluate");
        Assert.Equal("Scale", evaluation.GetTagItem("scalewise.decision.outcome"));
        Assert.Equal((2, 4), ((int)evaluation.GetTagItem("scalewise.capacity")!, (int)evaluation.GetTagItem("scalewise.capacity.new")!));
        var procedure = Assert.Single(mine, s => s.OperationName == "scalewise.procedure");
        Assert.Equal("Succeeded", procedure.GetTagItem("scalewise.procedure.outcome"));
        var steps = spans.Where(s => s.OperationName == "scalewise.procedure.step" && s.ParentSpanId == procedure.SpanId).Select(s => (string)s.GetTagItem("scalewise.step")!).ToList();
        Assert.Contains("guard", steps);
        Assert.Contains("apply", steps);
        Assert.Contains("verify", steps);

        Assert.Equal(1, Sum(metrics, "scalewise.decisions", policy.Id, ("scalewise.decision.outcome", "Scale")));
        Assert.Equal(1, Sum(metrics, "scalewise.procedures", policy.Id, ("scalewise.procedure.outcome", "Succeeded")));
        Assert.Equal(4, Sum(metrics, "scalewise.target.desired_capacity", policy.Id));
    }

    [Theory]
    [InlineData("ClientId=1f2e3d4c-0000-0000-0000-000000000000;Authorization=AAD", true)]
    [InlineData("Authorization=AAD", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void EntraCredential_ApplicationInsightsAuthenticationString_SignsInOnlyWhenItSaysAad(string? authentication, bool signsIn)
    {
        Assert.Equal(signsIn, ScalewiseOpenTelemetry.EntraCredential(authentication) is not null);
    }

    /// <summary>The sum over the points of <paramref name="name"/> for one policy (and the tags given): a counter's count, a gauge's last value.</summary>
    private static double Sum(List<Metric> metrics, string name, string policyId, params (string Key, string Value)[] tags)
    {
        var total = 0.0;
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (!Equals(pointTags.GetValueOrDefault("scalewise.policy"), policyId) || tags.Any(t => !Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
                {
                    continue;
                }

                total += metric.MetricType switch
                {
                    MetricType.LongSum => point.GetSumLong(),
                    MetricType.LongGauge => point.GetGaugeLastValueLong(),
                    MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                    _ => point.GetSumDouble(),
                };
            }
        }

        return total;
    }

    private static ScalingRule CpuHigh() => new(
        "cpu-high",
        new MetricTrigger("Percentage CPU", "microsoft.compute/virtualmachinescalesets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 70),
        new ScaleAction(ScaleDirection.Increase, 2, TimeSpan.FromMinutes(5)));
}
