using System.Text.Json.Nodes;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Targets;

namespace Scalewise.Core.Tests.Policies;

/// <summary>Every example policy validates, survives a round trip, and uses only fields the published schema describes.</summary>
public sealed class ExamplePolicyTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "examples", "policies");

    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "policy.schema.json")))!.AsObject();

    public static TheoryData<string> ExampleFiles => new(Directory.GetFiles(Examples, "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Parse_ExamplePolicy_IsValid(string file)
    {
        var result = PolicyDocument.Parse(File.ReadAllText(Path.Combine(Examples, file)));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Serialize_ExamplePolicy_RoundTripsUnchanged(string file)
    {
        var once = PolicyDocument.Serialize(PolicyDocument.Parse(File.ReadAllText(Path.Combine(Examples, file))).Policy!);

        var twice = PolicyDocument.Serialize(PolicyDocument.Parse(once).Policy!);

        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Schema_ExamplePolicy_UsesOnlyDescribedFields(string file)
    {
        var unknown = Unknown(JsonNode.Parse(File.ReadAllText(Path.Combine(Examples, file))), Schema, "$").ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Schema_PolicyWithEveryField_UsesOnlyDescribedFields()
    {
        var json = PolicyDocument.Serialize(EveryField());

        Assert.Empty(Unknown(JsonNode.Parse(json), Schema, "$"));
        Assert.True(PolicyDocument.Parse(json).IsValid, string.Join("; ", PolicyDocument.Parse(json).Errors));
    }

    [Fact]
    public void SeedExamples_EachSeedHasAPolicyThatSaysHowItWasMapped()
    {
        for (var seed = 0; seed <= 4; seed++)
        {
            var files = Directory.GetFiles(Examples, FormattableString.Invariant($"seed-00{seed}-*.json"));
            Assert.NotEmpty(files);
            Assert.All(files, f => Assert.False(string.IsNullOrWhiteSpace(PolicyDocument.Parse(File.ReadAllText(f)).Policy!.Description)));
        }
    }

    /// <summary>Paths of object members the schema does not describe at that place (a structural check: names, not values).</summary>
    private static IEnumerable<string> Unknown(JsonNode? node, JsonObject schema, string path)
    {
        schema = Resolve(schema);
        if (node is JsonObject obj)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (var (name, value) in obj)
            {
                if (properties?[name] is not JsonObject property)
                {
                    yield return path + "." + name;
                    continue;
                }

                foreach (var inner in Unknown(value, property, path + "." + name))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var inner in Unknown(array[i], items, FormattableString.Invariant($"{path}[{i}]")))
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonObject Resolve(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            return Resolve(Schema["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]!.AsObject());
        }

        return schema["anyOf"] is JsonArray options ? Resolve(options.OfType<JsonObject>().First(o => o["type"]?.ToString() != "null")) : schema;
    }

    private static ScalingPolicy EveryField()
    {
        var redis = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Cache/redis/cache";
        var trigger = new MetricTrigger(
            "usedmemorypercentage", "microsoft.cache/redis", redis, TimeAggregation.Maximum, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
            ComparisonOperator.GreaterThan, 80, [new MetricDimension("ShardId", DimensionOperator.Equals, ["0"])], 95, true, 70, 90);
        var rule = new ScalingRule("memory-high", trigger, new ScaleAction(ScaleDirection.Increase, 0, TimeSpan.FromMinutes(5), ScaleActionType.PercentChangeCount, null, null, 2, [new StepAdjustment(0, 10, 10), new StepAdjustment(10, null, 20)]));
        var tracking = new TargetTrackingRule(
            "cpu-70", "Percentage CPU", "microsoft.compute/virtualmachinescalesets", null, TimeAggregation.Average, TimeAggregation.Average, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
            70, 0.1, true, true, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10), [new MetricDimension("VMName", DimensionOperator.NotEquals, ["canary"])], 90);
        return new ScalingPolicy(
            ScalingPolicy.CurrentVersion, "every-field", new ScaleTarget(TargetKind.VirtualMachineScaleSet, Samples.ScaleSetId), new CapacityBounds(2, 10, 3), [rule], TimeSpan.FromMinutes(2),
            PolicyMode.Observe, "All the fields.", [tracking], [new SkuRung("Standard_D2s_v3", 0.096m), new SkuRung("Standard_D4s_v3", 0.192m)], TimeSpan.FromMinutes(5), false,
            new MetricFailureFallback(3, 6), 4.5m);
    }
}
