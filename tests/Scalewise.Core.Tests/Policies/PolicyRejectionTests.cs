using System.Text.Json.Nodes;
using Scalewise.Core.Policies;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Policies;

/// <summary>One broken document per kind of mistake: each is rejected, and the error names the path to fix.</summary>
public sealed class PolicyRejectionTests
{
    private static readonly Dictionary<string, Action<JsonObject>> Mistakes = new()
    {
        ["unknown root field"] = p => p["maxInstances"] = 5,
        ["unknown trigger field"] = p => Trigger(p, 0)["metric"] = "cpu",
        ["unknown action field"] = p => Action(p, 0)["scalingAdjustment"] = 1,
        ["threshold as text"] = p => Trigger(p, 0)["threshold"] = "eighty",
        ["minimum as text"] = p => p["capacity"]!["minimum"] = "two",
        ["rules not an array"] = p => p["rules"] = "cpu-high",
        ["missing threshold"] = p => Trigger(p, 0).Remove("threshold"),
        ["inverted minimum and maximum"] = p => p["capacity"] = new JsonObject { ["minimum"] = 10, ["maximum"] = 2, ["default"] = 2 },
        ["bad duration"] = p => Trigger(p, 0)["timeWindow"] = "5 minutes",
        ["unknown operator"] = p => Trigger(p, 0)["operator"] = "Above",
        ["unknown action type"] = p => Action(p, 0)["type"] = "Double",
        ["percentile of 0"] = p => Trigger(p, 0)["percentile"] = 0,
        ["percentile of 101"] = p => Trigger(p, 0)["percentile"] = 101,
        ["dimension without name"] = p => Trigger(p, 0)["dimensions"] = new JsonArray(new JsonObject { ["dimensionName"] = "", ["operator"] = "Equals", ["values"] = new JsonArray("a") }),
        ["dimension without values"] = p => Trigger(p, 0)["dimensions"] = new JsonArray(new JsonObject { ["dimensionName"] = "EntityName", ["operator"] = "Equals", ["values"] = new JsonArray() }),
        ["warning after trigger"] = p => Trigger(p, 0)["warningThreshold"] = 90,
        ["critical before trigger"] = p => Trigger(p, 0)["criticalThreshold"] = 70,
        ["overlapping steps"] = p => Steps(p, (0, 100, 1), (50, null, 2)),
        ["gap between steps"] = p => Steps(p, (0, 100, 1), (150, null, 2)),
        ["first step above zero"] = p => Steps(p, (10, null, 1)),
        ["last step bounded"] = p => Steps(p, (0, 100, 1)),
        ["empty step"] = p => Steps(p, (100, 100, 1)),
        ["step change 0"] = p => Steps(p, (0, null, 0)),
        ["percent missing"] = p => { Action(p, 0)["type"] = "PercentChangeCount"; Action(p, 0).Remove("changeCount"); },
        ["percent with change count"] = p => { Action(p, 0)["type"] = "PercentChangeCount"; Action(p, 0)["percent"] = 20; },
        ["negative minimum magnitude"] = p => { Action(p, 0)["type"] = "PercentChangeCount"; Action(p, 0).Remove("changeCount"); Action(p, 0)["percent"] = 20; Action(p, 0)["minAdjustmentMagnitude"] = -1; },
        ["exact count above maximum"] = p => { Action(p, 0)["type"] = "ExactCount"; Action(p, 0).Remove("changeCount"); Action(p, 0)["exactCount"] = 500; },
        ["sku step on a scale set"] = p => { Action(p, 0)["type"] = "SkuStep"; Action(p, 1)["type"] = "SkuStep"; p["ladder"] = Ladder("Standard_D2s_v3", "Standard_D4s_v3"); },
        ["ladder of one rung"] = p => p["ladder"] = Ladder("Standard_D2s_v3"),
        ["ladder with a repeated rung"] = p => p["ladder"] = Ladder("Standard_D2s_v3", "standard_d2s_v3"),
        ["ladder with a negative price"] = p => p["ladder"] = new JsonArray(new JsonObject { ["name"] = "A", ["hourlyPrice"] = -1 }, new JsonObject { ["name"] = "B" }),
        ["ladder with falling prices"] = p => p["ladder"] = new JsonArray(new JsonObject { ["name"] = "A", ["hourlyPrice"] = 2 }, new JsonObject { ["name"] = "B", ["hourlyPrice"] = 1 }),
        ["target value 0"] = p => p["targetTracking"] = new JsonArray(Tracking(targetValue: 0)),
        ["tolerance of 1"] = p => p["targetTracking"] = new JsonArray(Tracking(tolerance: 1)),
        ["target tracking named like a rule"] = p => p["targetTracking"] = new JsonArray(Tracking(name: "cpu-high")),
        ["stabilization of 2 hours"] = p => p["scaleInStabilization"] = "PT2H",
        ["fallback after 0 failures"] = p => p["fallback"] = new JsonObject { ["afterFailures"] = 0, ["capacity"] = 4 },
        ["fallback above maximum"] = p => p["fallback"] = new JsonObject { ["afterFailures"] = 3, ["capacity"] = 500 },
        ["max hourly cost of 0"] = p => p["maxHourlyCost"] = 0,
        ["description too long"] = p => p["description"] = new string('x', 2001),
        ["trigger without metric or formula"] = p => Trigger(p, 0).Remove("metricName"),
        ["formula that does not parse"] = p => Formula(p, "max(cpu, mem"),
        ["formula naming an unknown metric"] = p => Formula(p, "cpu / memory"),
        ["formula with a metric name"] = p => { Formula(p, "cpu"); Trigger(p, 0)["metricName"] = "Percentage CPU"; },
        ["formula with a time window"] = p => { Formula(p, "cpu"); Trigger(p, 0)["timeWindow"] = "PT5M"; },
        ["formula without threshold"] = p => { Formula(p, "cpu"); Trigger(p, 0).Remove("threshold"); },
        ["named metric with a space in its name"] = p => p["metrics"] = new JsonArray(Named("cpu load")),
        ["named metric called max"] = p => p["metrics"] = new JsonArray(Named("max")),
        ["named metric repeated"] = p => p["metrics"] = new JsonArray(Named("cpu"), Named("CPU")),
        ["named metric with a bad window"] = p => p["metrics"] = new JsonArray(Named("cpu", window: "PT13H")),
        ["named metric without statistic"] = p => { var m = Named("cpu"); m.Remove("statistic"); p["metrics"] = new JsonArray(m); },
        ["named metric with an unknown field"] = p => { var m = Named("cpu"); m["threshold"] = 80; p["metrics"] = new JsonArray(m); },
        ["alert named like a rule"] = p => p["alerts"] = new JsonArray(Alert("cpu-high")),
        ["alert with a critical tier"] = p => { var a = Alert("latency-high"); a["trigger"]!["criticalThreshold"] = 2000; p["alerts"] = new JsonArray(a); },
        ["alert with a warning tier"] = p => { var a = Alert("latency-high"); a["trigger"]!["warningThreshold"] = 500; p["alerts"] = new JsonArray(a); },
        ["alert with an action"] = p => { var a = Alert("latency-high"); a["action"] = new JsonObject { ["direction"] = "Increase" }; p["alerts"] = new JsonArray(a); },
        ["alert without metric name"] = p => { var a = Alert("latency-high"); a["trigger"]!.AsObject().Remove("metricName"); p["alerts"] = new JsonArray(a); },
    };

    public static TheoryData<string, string> Cases => new()
    {
        { "unknown root field", "$.maxInstances" },
        { "unknown trigger field", "$.rules[0].trigger.metric" },
        { "unknown action field", "$.rules[0].action.scalingAdjustment" },
        { "threshold as text", "$.rules[0].trigger.threshold" },
        { "minimum as text", "$.capacity.minimum" },
        { "rules not an array", "$.rules" },
        { "missing threshold", "$.rules[0].trigger" },
        { "inverted minimum and maximum", "$.capacity.minimum" },
        { "bad duration", "$.rules[0].trigger.timeWindow" },
        { "unknown operator", "$.rules[0].trigger.operator" },
        { "unknown action type", "$.rules[0].action.type" },
        { "percentile of 0", "$.rules[0].trigger.percentile" },
        { "percentile of 101", "$.rules[0].trigger.percentile" },
        { "dimension without name", "$.rules[0].trigger.dimensions[0].dimensionName" },
        { "dimension without values", "$.rules[0].trigger.dimensions[0].values" },
        { "warning after trigger", "$.rules[0].trigger.warningThreshold" },
        { "critical before trigger", "$.rules[0].trigger.criticalThreshold" },
        { "overlapping steps", "$.rules[0].action.steps[1].lowerBound" },
        { "gap between steps", "$.rules[0].action.steps[1].lowerBound" },
        { "first step above zero", "$.rules[0].action.steps[0].lowerBound" },
        { "last step bounded", "$.rules[0].action.steps[0].upperBound" },
        { "empty step", "$.rules[0].action.steps[0]" },
        { "step change 0", "$.rules[0].action.steps[0].change" },
        { "percent missing", "$.rules[0].action.percent" },
        { "percent with change count", "$.rules[0].action.changeCount" },
        { "negative minimum magnitude", "$.rules[0].action.minAdjustmentMagnitude" },
        { "exact count above maximum", "$.rules[0].action.exactCount" },
        { "sku step on a scale set", "$.rules[0].action.type" },
        { "ladder of one rung", "$.ladder" },
        { "ladder with a repeated rung", "$.ladder[1].name" },
        { "ladder with a negative price", "$.ladder[0].hourlyPrice" },
        { "ladder with falling prices", "$.ladder[1].hourlyPrice" },
        { "target value 0", "$.targetTracking[0].targetValue" },
        { "tolerance of 1", "$.targetTracking[0].tolerance" },
        { "target tracking named like a rule", "$.targetTracking[0].name" },
        { "stabilization of 2 hours", "$.scaleInStabilization" },
        { "fallback after 0 failures", "$.fallback.afterFailures" },
        { "fallback above maximum", "$.fallback.capacity" },
        { "max hourly cost of 0", "$.maxHourlyCost" },
        { "description too long", "$.description" },
        { "trigger without metric or formula", "$.rules[0].trigger" },
        { "formula that does not parse", "$.rules[0].trigger.formula" },
        { "formula naming an unknown metric", "$.rules[0].trigger.formula" },
        { "formula with a metric name", "$.rules[0].trigger.metricName" },
        { "formula with a time window", "$.rules[0].trigger.timeWindow" },
        { "formula without threshold", "$.rules[0].trigger" },
        { "named metric with a space in its name", "$.metrics[0].name" },
        { "named metric called max", "$.metrics[0].name" },
        { "named metric repeated", "$.metrics[1].name" },
        { "named metric with a bad window", "$.metrics[0].timeWindow" },
        { "named metric without statistic", "$.metrics[0]" },
        { "named metric with an unknown field", "$.metrics[0].threshold" },
        { "alert named like a rule", "$.alerts[0].name" },
        { "alert with a critical tier", "$.alerts[0].trigger.criticalThreshold" },
        { "alert with a warning tier", "$.alerts[0].trigger.warningThreshold" },
        { "alert with an action", "$.alerts[0].action" },
        { "alert without metric name", "$.alerts[0].trigger" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_OneMistake_IsRejectedNamingItsPath(string mistake, string expectedPath)
    {
        var document = JsonNode.Parse(ExampleJson("vmss-burst.json"))!.AsObject();
        Mistakes[mistake](document);

        var result = PolicyDocument.Parse(document.ToJsonString());

        Assert.False(result.IsValid);
        Assert.Contains(expectedPath, result.Errors.Select(e => e.Path));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void Parse_OverlappingSteps_SaysWhereToStartTheStep()
    {
        var document = JsonNode.Parse(ExampleJson("vmss-burst.json"))!.AsObject();
        Steps(document, (0, 100, 1), (50, null, 2));

        var error = Assert.Single(PolicyDocument.Parse(document.ToJsonString()).Errors);

        Assert.Equal("step 1 overlaps step 0 from 50 to 100; start this step at 100, where the previous one ends.", error.Message);
    }

    [Fact]
    public void Parse_FormulaThatDoesNotParse_NamesThePositionInTheFormula()
    {
        var document = JsonNode.Parse(ExampleJson("vmss-burst.json"))!.AsObject();
        Formula(document, "max(cpu, mem");

        var error = Assert.Single(PolicyDocument.Parse(document.ToJsonString()).Errors);

        Assert.Equal(("$.rules[0].trigger.formula", "formula \"max(cpu, mem\" does not parse at position 13: expected ',' or ')' in max(...), found the end of the formula."), (error.Path, error.Message));
    }

    [Fact]
    public void Parse_FormulaNamingUnknownMetrics_NamesEachWithItsPositionAndTheKnownNames()
    {
        var document = JsonNode.Parse(ExampleJson("vmss-burst.json"))!.AsObject();
        Formula(document, "cpu / memory + queue");

        var errors = PolicyDocument.Parse(document.ToJsonString()).Errors;

        Assert.Equal(
            [
                "$.rules[0].trigger.formula: 'memory' at position 7 of \"cpu / memory + queue\" is not a named metric; define it under \"metrics\" (the policy names 'cpu').",
                "$.rules[0].trigger.formula: 'queue' at position 16 of \"cpu / memory + queue\" is not a named metric; define it under \"metrics\" (the policy names 'cpu').",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_TriggerWithNeitherMetricNorFormula_ListsWhatIsMissingAndTheAlternative()
    {
        var document = JsonNode.Parse(ExampleJson("vmss-burst.json"))!.AsObject();
        Trigger(document, 1).Remove("metricName");
        Trigger(document, 1).Remove("timeWindow");

        var error = Assert.Single(PolicyDocument.Parse(document.ToJsonString()).Errors);

        Assert.Equal("$.rules[1].trigger", error.Path);
        Assert.StartsWith("required fields are missing: 'metricName', 'timeWindow'; a trigger reads one metric with these fields, or gives a \"formula\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_CoverEveryMistake()
    {
        Assert.Equal(Mistakes.Keys.Order(), Cases.Select(c => (string)c[0]).Order());
        Assert.True(Mistakes.Count >= 30);
    }

    private static JsonObject Trigger(JsonObject policy, int rule) => policy["rules"]![rule]!["trigger"]!.AsObject();

    private static JsonObject Action(JsonObject policy, int rule) => policy["rules"]![rule]!["action"]!.AsObject();

    private static void Steps(JsonObject policy, params (double? Lower, double? Upper, int Change)[] steps)
    {
        var array = new JsonArray();
        foreach (var (lower, upper, change) in steps)
        {
            var step = new JsonObject { ["change"] = change };
            if (lower is { } l)
            {
                step["lowerBound"] = l;
            }

            if (upper is { } u)
            {
                step["upperBound"] = u;
            }

            array.Add(step);
        }

        Action(policy, 0).Remove("changeCount");
        Action(policy, 0)["steps"] = array;
    }

    /// <summary>Makes rule 0 compare <paramref name="formula"/> over one named metric, "cpu".</summary>
    private static void Formula(JsonObject policy, string formula)
    {
        policy["metrics"] = new JsonArray(Named("cpu"));
        policy["rules"]![0]!["trigger"] = new JsonObject { ["formula"] = formula, ["operator"] = "GreaterThan", ["threshold"] = 80 };
    }

    private static JsonObject Alert(string name) => new()
    {
        ["name"] = name,
        ["trigger"] = new JsonObject
        {
            ["metricName"] = "requests/duration",
            ["statistic"] = "Average",
            ["timeAggregation"] = "Average",
            ["timeGrain"] = "PT1M",
            ["timeWindow"] = "PT5M",
            ["operator"] = "GreaterThan",
            ["threshold"] = 1000,
        },
    };

    private static JsonObject Named(string name, string window = "PT5M") => new()
    {
        ["name"] = name,
        ["metricName"] = "Percentage CPU",
        ["statistic"] = "Average",
        ["timeAggregation"] = "Average",
        ["timeGrain"] = "PT1M",
        ["timeWindow"] = window,
    };

    private static JsonArray Ladder(params string[] names) => new(names.Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToArray());

    private static JsonObject Tracking(string name = "cpu-70", double targetValue = 70, double tolerance = 0.1) => new()
    {
        ["name"] = name,
        ["metricName"] = "Percentage CPU",
        ["statistic"] = "Average",
        ["timeAggregation"] = "Average",
        ["timeGrain"] = "PT1M",
        ["timeWindow"] = "PT5M",
        ["targetValue"] = targetValue,
        ["tolerance"] = tolerance,
    };
}
