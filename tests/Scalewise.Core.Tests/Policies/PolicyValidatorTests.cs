using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Targets;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Policies;

public sealed class PolicyValidatorTests
{
    private static readonly ScalingPolicy Valid = Policy(2, 100, CpuHigh(), CpuLow());

    [Fact]
    public void Validate_ValidPolicy_ReturnsNoErrors()
    {
        Assert.Empty(PolicyValidator.Validate(Valid));
    }

    [Theory]
    [InlineData("version 2", "$.version")]
    [InlineData("empty id", "$.id")]
    [InlineData("uppercase id", "$.id")]
    [InlineData("id with slash", "$.id")]
    [InlineData("id of 64 characters", "$.id")]
    [InlineData("resource id of a virtual machine", "$.target.resourceId")]
    [InlineData("resource id without resource group", "$.target.resourceId")]
    [InlineData("negative minimum", "$.capacity.minimum")]
    [InlineData("minimum above maximum", "$.capacity.minimum")]
    [InlineData("default below minimum", "$.capacity.default")]
    [InlineData("default above maximum", "$.capacity.default")]
    [InlineData("maximum of 1001", "$.capacity.maximum")]
    [InlineData("empty rule name", "$.rules[1].name")]
    [InlineData("duplicate rule name", "$.rules[1].name")]
    [InlineData("empty metric name", "$.rules[1].trigger.metricName")]
    [InlineData("time grain of 30 seconds", "$.rules[1].trigger.timeGrain")]
    [InlineData("time window shorter than grain", "$.rules[1].trigger.timeWindow")]
    [InlineData("time window of 13 hours", "$.rules[1].trigger.timeWindow")]
    [InlineData("threshold not a number", "$.rules[1].trigger.threshold")]
    [InlineData("metric resource id not an ARM id", "$.rules[1].trigger.metricResourceId")]
    [InlineData("change count 0", "$.rules[1].action.changeCount")]
    [InlineData("negative cooldown", "$.rules[1].action.cooldown")]
    [InlineData("cooldown of 8 days", "$.rules[1].action.cooldown")]
    [InlineData("direction None", "$.rules[1].action.direction")]
    [InlineData("warm-up of 2 hours", "$.warmUp")]
    [InlineData("negative warm-up", "$.warmUp")]
    public void Validate_OneFieldWrong_ReportsExactlyThatPath(string mistake, string expectedPath)
    {
        var errors = PolicyValidator.Validate(Break(mistake));

        var error = Assert.Single(errors);
        Assert.Equal(expectedPath, error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Validate_MaximumAboveLimit_SaysTheLimit()
    {
        var error = Assert.Single(PolicyValidator.Validate(Break("maximum of 1001")));

        Assert.Equal("maximum 1001 is above 1000, the most instances a scale set can have; use 1000 or less.", error.Message);
    }

    [Fact]
    public void Validate_TargetIdOfWrongKind_SaysWhatAnIdOfTheKindLooksLike()
    {
        var error = Assert.Single(PolicyValidator.Validate(Break("resource id of a virtual machine")));

        Assert.Contains("is not the ARM id of a VirtualMachineScaleSet", error.Message, StringComparison.Ordinal);
        Assert.Contains("/providers/Microsoft.Compute/virtualMachineScaleSets/{name}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TargetIdInOtherCase_IsAccepted()
    {
        var policy = Valid with { Target = new ScaleTarget(TargetKind.VirtualMachineScaleSet, ScaleSetId.ToUpperInvariant()) };

        Assert.Empty(PolicyValidator.Validate(policy));
    }

    [Fact]
    public void Validate_BadId_SaysWhatIsAccepted()
    {
        var error = Assert.Single(PolicyValidator.Validate(Break("uppercase id")));

        Assert.Equal("id 'Web_Tier' is not allowed; it names the target in URLs and storage keys, so use 1 to 63 lowercase letters (a-z), digits or hyphens, such as \"web-tier\".", error.Message);
    }

    [Fact]
    public void Validate_TimeWindowTooLong_SaysTheTwelveHourLimit()
    {
        var error = Assert.Single(PolicyValidator.Validate(Break("time window of 13 hours")));

        Assert.Equal("time window PT13H is too long; use at most PT12H, as Azure autoscale does.", error.Message);
    }

    [Fact]
    public void Validate_DuplicateRuleName_NamesTheRule()
    {
        var error = Assert.Single(PolicyValidator.Validate(Break("duplicate rule name")));

        Assert.Equal("name 'cpu-high' is used by an earlier rule; give every rule its own name.", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Validate_TimeGrainAzureMonitorRefuses_NamesTheAcceptedGrains(int minutes)
    {
        var rule = Valid.Rules[1];
        var policy = WithRule(rule with { Trigger = rule.Trigger with { TimeGrain = TimeSpan.FromMinutes(minutes), TimeWindow = TimeSpan.FromMinutes(30) } });

        var error = Assert.Single(PolicyValidator.Validate(policy));

        Assert.Equal("$.rules[1].trigger.timeGrain", error.Path);
        Assert.Contains("PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralMistakes_ReportsEveryOne()
    {
        var policy = Valid with { Version = 3, Id = "", WarmUp = TimeSpan.FromHours(3) };

        var paths = PolicyValidator.Validate(policy).Select(e => e.Path);

        Assert.Equal(["$.version", "$.id", "$.warmUp"], paths);
    }

    [Fact]
    public void Validate_MissingPartsAsJsonCanLeaveThem_ReportsEachAsRequired()
    {
        var policy = Valid with { Target = null!, Capacity = null!, Rules = null! };

        var paths = PolicyValidator.Validate(policy).Select(e => e.Path);

        Assert.Equal(["$.target", "$.capacity", "$.rules"], paths);
    }

    [Fact]
    public void Validate_UnknownEnumValues_ReportTheirPaths()
    {
        var rule = Valid.Rules[0];
        var policy = Valid with
        {
            Mode = (PolicyMode)7,
            Rules = [rule with { Trigger = rule.Trigger with { Statistic = (TimeAggregation)42, Operator = (ComparisonOperator)42 } }],
        };

        var paths = PolicyValidator.Validate(policy).Select(e => e.Path);

        Assert.Equal(["$.rules[0].trigger.statistic", "$.rules[0].trigger.operator", "$.mode"], paths);
    }

    private static ScalingPolicy Break(string mistake)
    {
        var rule = Valid.Rules[1];
        return mistake switch
        {
            "version 2" => Valid with { Version = 2 },
            "empty id" => Valid with { Id = "" },
            "uppercase id" => Valid with { Id = "Web_Tier" },
            "id with slash" => Valid with { Id = "web/tier" },
            "id of 64 characters" => Valid with { Id = new string('a', 64) },
            "resource id of a virtual machine" => Valid with { Target = new ScaleTarget(TargetKind.VirtualMachineScaleSet, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1") },
            "resource id without resource group" => Valid with { Target = new ScaleTarget(TargetKind.VirtualMachineScaleSet, "/subscriptions/s/providers/Microsoft.Compute/virtualMachineScaleSets/vmss") },
            "negative minimum" => Valid with { Capacity = new CapacityBounds(-1, 10, 2) },
            "minimum above maximum" => Valid with { Capacity = new CapacityBounds(12, 10, 10) },
            "default below minimum" => Valid with { Capacity = new CapacityBounds(2, 10, 1) },
            "default above maximum" => Valid with { Capacity = new CapacityBounds(2, 10, 11) },
            "maximum of 1001" => Valid with { Capacity = new CapacityBounds(2, 1001, 2) },
            "empty rule name" => WithRule(rule with { Name = " " }),
            "duplicate rule name" => WithRule(rule with { Name = "cpu-high" }),
            "empty metric name" => WithRule(rule with { Trigger = rule.Trigger with { MetricName = "" } }),
            "time grain of 30 seconds" => WithRule(rule with { Trigger = rule.Trigger with { TimeGrain = TimeSpan.FromSeconds(30) } }),
            "time window shorter than grain" => WithRule(rule with { Trigger = rule.Trigger with { TimeGrain = TimeSpan.FromMinutes(5), TimeWindow = TimeSpan.FromMinutes(2) } }),
            "time window of 13 hours" => WithRule(rule with { Trigger = rule.Trigger with { TimeWindow = TimeSpan.FromHours(13) } }),
            "threshold not a number" => WithRule(rule with { Trigger = rule.Trigger with { Threshold = double.NaN } }),
            "metric resource id not an ARM id" => WithRule(rule with { Trigger = rule.Trigger with { MetricResourceId = "my-queue" } }),
            "change count 0" => WithRule(rule with { Action = rule.Action with { ChangeCount = 0 } }),
            "negative cooldown" => WithRule(rule with { Action = rule.Action with { Cooldown = TimeSpan.FromMinutes(-1) } }),
            "cooldown of 8 days" => WithRule(rule with { Action = rule.Action with { Cooldown = TimeSpan.FromDays(8) } }),
            "direction None" => WithRule(rule with { Action = rule.Action with { Direction = ScaleDirection.None } }),
            "warm-up of 2 hours" => Valid with { WarmUp = TimeSpan.FromHours(2) },
            "negative warm-up" => Valid with { WarmUp = TimeSpan.FromMinutes(-1) },
            _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "No such mistake in this test."),
        };
    }

    private static ScalingPolicy WithRule(ScalingRule second) => Valid with { Rules = [Valid.Rules[0], second] };
}
