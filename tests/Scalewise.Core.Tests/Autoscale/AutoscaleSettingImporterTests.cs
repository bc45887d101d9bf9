using System.Text.Json.Nodes;
using Scalewise.Core.Autoscale;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Targets;

namespace Scalewise.Core.Tests.Autoscale;

public sealed class AutoscaleSettingImporterTests
{
    private const string ScaleSet = "/subscriptions/b67f7fec-69fc-4974-9099-a26bd6ffeda3/resourceGroups/TestingMetricsScaleSet/providers/Microsoft.Compute/virtualMachineScaleSets/testingsc";
    private const string Queue = "/subscriptions/b67f7fec-69fc-4974-9099-a26bd6ffeda3/resourceGroups/TestingMetricsScaleSet/providers/Microsoft.ServiceBus/namespaces/orders/queues/incoming";

    [Fact]
    public void Import_OfficialCreateExample_ProducesAValidPolicyWithItsCapacityAndRules()
    {
        var result = AutoscaleSettingImporter.Import(RestExampleFiles.Read("monitor/createOrUpdateAutoscaleSetting.json"));

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var policy = result.Policy!;
        Assert.Empty(PolicyValidator.Validate(policy));
        Assert.Equal("testingsc", policy.Id);
        Assert.Equal(new ScaleTarget(TargetKind.VirtualMachineScaleSet, ScaleSet), policy.Target);
        Assert.Equal(new CapacityBounds(1, 10, 1), policy.Capacity);
        Assert.Equal(PolicyMode.Active, policy.Mode);

        Assert.Equal(2, policy.Rules.Count);
        var (scaleOut, scaleIn) = (policy.Rules[0], policy.Rules[1]);
        Assert.Equal("scale-out-percentage-cpu", scaleOut.Name);
        Assert.Equal(
            new MetricTrigger("Percentage CPU", null, null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), ComparisonOperator.GreaterThan, 10),
            scaleOut.Trigger);
        Assert.Equal(new ScaleAction(ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5)), scaleOut.Action);
        Assert.Equal("scale-in-percentage-cpu", scaleIn.Name);
        Assert.Equal(TimeSpan.FromMinutes(1), scaleIn.Trigger.TimeGrain);
        Assert.Equal(15, scaleIn.Trigger.Threshold);
        Assert.Equal(new ScaleAction(ScaleDirection.Decrease, 2, TimeSpan.FromMinutes(6)), scaleIn.Action);
    }

    [Fact]
    public void Import_OfficialCreateExample_WarnsAboutEverythingItLeftOut()
    {
        var result = AutoscaleSettingImporter.Import(RestExampleFiles.Read("monitor/createOrUpdateAutoscaleSetting.json"));

        var at = "$.parameters.parameters.properties";
        var warnings = result.Warnings.ToDictionary(w => w.Path, w => w.Message);
        Assert.Contains("'adios'", warnings[at + ".profiles[0]"], StringComparison.Ordinal);
        Assert.Contains("2015-03-05T14:00:00Z", warnings[at + ".profiles[0]"], StringComparison.Ordinal);
        Assert.Contains("no default profile", warnings[at + ".profiles[1]"], StringComparison.Ordinal);
        Assert.Contains("'saludos'", warnings[at + ".profiles[1]"], StringComparison.Ordinal);
        Assert.Contains("gu@ms.com", warnings[at + ".notifications[0]"], StringComparison.Ordinal);
        Assert.Contains("http://myservice.com", warnings[at + ".notifications[0]"], StringComparison.Ordinal);
        Assert.Contains("predictive", warnings[at + ".predictiveAutoscalePolicy"], StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Path.EndsWith(".metricTrigger.timeGrain", StringComparison.Ordinal) && w.Message.Contains("PT2M", StringComparison.Ordinal) && w.Message.Contains("imported as PT1M", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_PutBodyAndGetResource_GiveTheSamePolicy()
    {
        var example = JsonNode.Parse(RestExampleFiles.Read("monitor/createOrUpdateAutoscaleSetting.json"))!;
        var putBody = example["parameters"]!["parameters"]!.ToJsonString();
        var getResource = JsonNode.Parse(RestExampleFiles.Read("monitor/getAutoscaleSetting.json"))!["responses"]!["200"]!["body"]!.ToJsonString();

        var fromPut = AutoscaleSettingImporter.Import(putBody);
        var fromGet = AutoscaleSettingImporter.Import(getResource);

        Assert.True(fromPut.Succeeded);
        Assert.True(fromGet.Succeeded);
        Assert.Equal(PolicyDocument.Serialize(fromPut.Policy!), PolicyDocument.Serialize(fromGet.Policy!));
        Assert.Contains(fromGet.Warnings, w => w.Path == "$.properties.profiles[0]");
    }

    [Fact]
    public void Import_DefaultProfileBesideScheduledOnes_TakesTheDefaultAndWarnsAboutTheOthers()
    {
        var setting = Setting(
            Profile("weekday-peak", 5, 20, 5, [Rule()], recurrence: true),
            Profile("default", 2, 8, 3, [Rule(), Rule(direction: "Decrease", op: "LessThan", threshold: 30)]));

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString(), policyId: "web-tier");

        Assert.True(result.Succeeded);
        Assert.Equal("web-tier", result.Policy!.Id);
        Assert.Equal(new CapacityBounds(2, 8, 3), result.Policy.Capacity);
        Assert.Equal(2, result.Policy.Rules.Count);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("$.properties.profiles[0]", warning.Path);
        Assert.Contains("recurs every week", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_PercentAndExactActions_CarryOverWithTheirValues()
    {
        var percent = Rule(type: "PercentChangeCount");
        percent["scaleAction"]!["value"] = "25";
        var exact = Rule(direction: "Decrease", op: "LessThan", threshold: 10, type: "ExactCount");
        exact["scaleAction"]!["value"] = "3";
        var setting = Setting(Profile("default", 2, 10, 2, [percent, exact]));

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Warnings);
        var (grow, shrink) = (result.Policy!.Rules[0].Action, result.Policy.Rules[1].Action);
        Assert.Equal(ScaleActionType.PercentChangeCount, grow.Type);
        Assert.Equal(25, grow.Percent);
        Assert.Equal(ScaleActionType.ExactCount, shrink.Type);
        Assert.Equal(3, shrink.ExactCount);
    }

    [Theory]
    [InlineData("ServiceAllowedNextValue", "next size")]
    [InlineData("Doubling", "'Doubling'")]
    public void Import_ActionTypeScalewiseCannotTake_LeavesTheRuleOutWithAWarning(string type, string explained)
    {
        var setting = Setting(Profile("default", 1, 10, 2, [Rule(), Rule(type: type)]));

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.True(result.Succeeded);
        Assert.Single(result.Policy!.Rules);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("$.properties.profiles[0].rules[1].scaleAction.type", warning.Path);
        Assert.Contains(explained, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ExactCountOutsideTheBounds_LeavesTheRuleOutWithTheValidatorsReason()
    {
        var exact = Rule(type: "ExactCount");
        exact["scaleAction"]!["value"] = "40";
        var setting = Setting(Profile("default", 1, 10, 2, [Rule(), exact]));

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.True(result.Succeeded);
        Assert.Single(result.Policy!.Rules);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("$.properties.profiles[0].rules[1]", warning.Path);
        Assert.Contains("action.exactCount", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DimensionFilterAndDividePerInstance_CarryOver()
    {
        var rule = Rule(metric: "ActiveMessages");
        rule["metricTrigger"]!["metricResourceUri"] = Queue;
        rule["metricTrigger"]!["dimensions"] = JsonNode.Parse("""[{"DimensionName": "EntityName", "Operator": "Equals", "Values": ["orders", "refunds"]}]""");
        rule["metricTrigger"]!["dividePerInstance"] = true;
        var setting = Setting(Profile("default", 1, 10, 2, [rule]));

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        var trigger = Assert.Single(result.Policy!.Rules).Trigger;
        var dimension = Assert.Single(trigger.Dimensions!);
        Assert.Equal("EntityName", dimension.DimensionName);
        Assert.Equal(DimensionOperator.Equals, dimension.Operator);
        Assert.Equal(["orders", "refunds"], dimension.Values);
        Assert.True(trigger.DividePerInstance);
    }

    [Fact]
    public void Import_UnreadableDimensionFilter_LeavesTheRuleOut()
    {
        var rule = Rule();
        rule["metricTrigger"]!["dimensions"] = JsonNode.Parse("""[{"DimensionName": "Instance", "Operator": "StartsWith", "Values": ["web"]}]""");
        var setting = Setting(Profile("default", 1, 10, 2, [rule]));

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.True(result.Succeeded);
        Assert.Empty(result.Policy!.Rules);
        Assert.Equal("$.properties.profiles[0].rules[0].metricTrigger.dimensions[0]", Assert.Single(result.Warnings).Path);
    }

    [Fact]
    public void Import_MetricOfAnotherResource_KeepsItsResourceNamespaceAndStatistic()
    {
        var rule = Rule(metric: "ActiveMessages", statistic: "Max", aggregation: "Total", threshold: 500);
        rule["metricTrigger"]!["metricResourceUri"] = Queue;
        rule["metricTrigger"]!["metricNamespace"] = "microsoft.servicebus/namespaces";
        var setting = Setting(Profile("default", 1, 10, 2, [rule]));

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        var trigger = Assert.Single(result.Policy!.Rules).Trigger;
        Assert.Equal(Queue, trigger.MetricResourceId);
        Assert.Equal("microsoft.servicebus/namespaces", trigger.MetricNamespace);
        Assert.Equal(TimeAggregation.Maximum, trigger.Statistic);
        Assert.Equal(TimeAggregation.Total, trigger.TimeAggregation);
        Assert.Equal("scale-out-activemessages", result.Policy.Rules[0].Name);
    }

    [Fact]
    public void Import_RuleScalewiseWouldReject_LeavesItOutWithTheValidatorsReason()
    {
        var setting = Setting(Profile("default", 1, 10, 2, [Rule(), Rule(timeGrain: "PT30S")]));

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.True(result.Succeeded);
        Assert.Single(result.Policy!.Rules);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("$.properties.profiles[0].rules[1]", warning.Path);
        Assert.Contains("trigger.timeGrain", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DisabledSetting_ImportsInObserveMode()
    {
        var setting = Setting(Profile("default", 1, 10, 2, [Rule()]));
        setting["properties"]!["enabled"] = false;

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.Equal(PolicyMode.Observe, result.Policy!.Mode);
        Assert.Equal("$.properties.enabled", Assert.Single(result.Warnings).Path);
    }

    [Theory]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1", TargetKind.VirtualMachine, "vm-1")]
    [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Cache/Redis/Cache_Main", TargetKind.RedisCache, "cache-main")]
    public void Import_OtherTargetKinds_TakeTheKindAndIdFromTheResource(string resourceId, TargetKind kind, string id)
    {
        var setting = Setting(Profile("default", 1, 1, 1, []));
        setting["properties"]!["targetResourceUri"] = resourceId;

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(kind, result.Policy!.Target.Kind);
        Assert.Equal(id, result.Policy.Id);
    }

    [Fact]
    public void Import_TargetScalewiseCannotSize_FailsNamingTargetResourceUri()
    {
        var setting = Setting(Profile("default", 1, 10, 2, [Rule()]));
        setting["properties"]!["targetResourceUri"] = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/serverfarms/plan";

        var result = AutoscaleSettingImporter.Import(setting.ToJsonString());

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.properties.targetResourceUri", error.Path);
        Assert.Contains("Microsoft.Web/serverfarms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InvalidPolicyId_FailsNamingTheId()
    {
        var result = AutoscaleSettingImporter.Import(Setting(Profile("default", 1, 10, 2, [Rule()])).ToJsonString(), policyId: "Web Tier");

        Assert.False(result.Succeeded);
        Assert.Equal("$.id", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Import_MinimumAboveMaximum_FailsNamingTheCapacity()
    {
        var result = AutoscaleSettingImporter.Import(Setting(Profile("default", 5, 2, 2, [Rule()])).ToJsonString());

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path == "$.capacity.minimum");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"name": "x", "properties": {"enabled": true}}""")]
    [InlineData("[]")]
    public void Import_NotAnAutoscaleSetting_FailsWithAnError(string json)
    {
        var result = AutoscaleSettingImporter.Import(json);

        Assert.False(result.Succeeded);
        Assert.Equal("$", Assert.Single(result.Errors).Path);
    }

    private static JsonObject Setting(params JsonObject[] profiles) => new()
    {
        ["id"] = "/subscriptions/s/resourceGroups/rg/providers/microsoft.insights/autoscalesettings/web",
        ["name"] = "web",
        ["type"] = "Microsoft.Insights/autoscaleSettings",
        ["properties"] = new JsonObject
        {
            ["enabled"] = true,
            ["targetResourceUri"] = ScaleSet,
            ["profiles"] = new JsonArray([.. profiles]),
        },
    };

    private static JsonObject Profile(string name, int minimum, int maximum, int @default, JsonObject[] rules, bool recurrence = false)
    {
        var profile = new JsonObject
        {
            ["name"] = name,
            ["capacity"] = new JsonObject { ["minimum"] = $"{minimum}", ["maximum"] = $"{maximum}", ["default"] = $"{@default}" },
            ["rules"] = new JsonArray([.. rules]),
        };
        if (recurrence)
        {
            profile["recurrence"] = JsonNode.Parse("""{"frequency": "Week", "schedule": {"timeZone": "UTC", "days": ["Monday"], "hours": [8], "minutes": [0]}}""");
        }

        return profile;
    }

    private static JsonObject Rule(
        string metric = "Percentage CPU",
        string statistic = "Average",
        string aggregation = "Average",
        string op = "GreaterThan",
        double threshold = 70,
        string direction = "Increase",
        string type = "ChangeCount",
        string timeGrain = "PT1M") => new()
        {
            ["metricTrigger"] = new JsonObject
            {
                ["metricName"] = metric,
                ["metricResourceUri"] = ScaleSet,
                ["timeGrain"] = timeGrain,
                ["statistic"] = statistic,
                ["timeWindow"] = "PT10M",
                ["timeAggregation"] = aggregation,
                ["operator"] = op,
                ["threshold"] = threshold,
                ["dividePerInstance"] = false,
            },
            ["scaleAction"] = new JsonObject { ["direction"] = direction, ["type"] = type, ["value"] = "1", ["cooldown"] = "PT5M" },
        };
}
