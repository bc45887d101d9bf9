using Scalewise.Core.Policies;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Policies;

public sealed class PolicyDocumentTests
{
    [Fact]
    public void Parse_ExampleVmssBurstPolicy_ParsesAndValidatesClean()
    {
        var result = PolicyDocument.Parse(ExampleJson("vmss-burst.json"));

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        var policy = result.Policy!;
        Assert.Equal("vmss-burst", policy.Id);
        Assert.Equal((2, 100), (policy.Capacity.Minimum, policy.Capacity.Maximum));
        Assert.Equal(TimeSpan.FromMinutes(2), policy.WarmUp);
        var (scaleOut, scaleIn) = (policy.Rules[0], policy.Rules[1]);
        Assert.Equal((ScaleDirection.Increase, 1, TimeSpan.FromMinutes(5)), (scaleOut.Action.Direction, scaleOut.Action.ChangeCount, scaleOut.Action.Cooldown));
        Assert.Equal((ComparisonOperator.GreaterThan, 80.0, TimeSpan.FromMinutes(5)), (scaleOut.Trigger.Operator, scaleOut.Trigger.Threshold, scaleOut.Trigger.TimeWindow));
        Assert.Equal((ScaleDirection.Decrease, 1, TimeSpan.FromMinutes(15)), (scaleIn.Action.Direction, scaleIn.Action.ChangeCount, scaleIn.Action.Cooldown));
        Assert.Equal((ComparisonOperator.LessThan, 30.0, TimeSpan.FromMinutes(10)), (scaleIn.Trigger.Operator, scaleIn.Trigger.Threshold, scaleIn.Trigger.TimeWindow));
    }

    [Fact]
    public void Parse_UnknownField_NamesItsPathAndTheAcceptedFields()
    {
        var json = ExampleJson("vmss-burst.json").Replace("\"maximum\": 100", "\"maximum\": 100, \"maximun\": 100", StringComparison.Ordinal);

        var result = PolicyDocument.Parse(json);

        Assert.Null(result.Policy);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.capacity.maximun", error.Path);
        Assert.Equal("'maximun' is not a known field; the fields accepted here are \"minimum\", \"maximum\", \"default\" (line 10).", error.Message);
    }

    /// <summary>Where notifications go is the app's configuration, never a policy's: no field anywhere in a policy names an endpoint.</summary>
    [Theory]
    [InlineData("\"webhookUrl\": \"https://attacker.example/hook\"", "$.webhookUrl")]
    [InlineData("\"notifications\": {\"teamsWebhookUrl\": \"https://attacker.example/teams\"}", "$.notifications")]
    [InlineData("\"eventGridTopicEndpoint\": \"https://attacker.example/topic\"", "$.eventGridTopicEndpoint")]
    public void Parse_NotificationEndpointInThePolicy_IsRefusedNamingTheField(string field, string path)
    {
        var json = ExampleJson("vmss-burst.json").Insert(ExampleJson("vmss-burst.json").IndexOf('{', StringComparison.Ordinal) + 1, field + ",");

        var result = PolicyDocument.Parse(json);

        Assert.Null(result.Policy);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains("is not a known field", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ThresholdAsText_SaysANumberIsExpectedAtItsPath()
    {
        var json = ExampleJson("vmss-burst.json").Replace("\"threshold\": 30", "\"threshold\": \"thirty\"", StringComparison.Ordinal);

        var error = Assert.Single(PolicyDocument.Parse(json).Errors);

        Assert.Equal("$.rules[1].trigger.threshold", error.Path);
        Assert.StartsWith("the value is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOperator_ListsTheAcceptedOperators()
    {
        var json = ExampleJson("vmss-burst.json").Replace("\"GreaterThan\"", "\"Above\"", StringComparison.Ordinal);

        var error = Assert.Single(PolicyDocument.Parse(json).Errors);

        Assert.Equal("$.rules[0].trigger.operator", error.Path);
        Assert.Contains("\"GreaterThan\", \"GreaterThanOrEqual\", \"LessThan\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DurationNotIso_SaysHowToWriteOne()
    {
        var json = ExampleJson("vmss-burst.json").Replace("\"warmUp\": \"PT2M\"", "\"warmUp\": \"2 minutes\"", StringComparison.Ordinal);

        var error = Assert.Single(PolicyDocument.Parse(json).Errors);

        Assert.Equal("$.warmUp", error.Path);
        Assert.Contains("use a value such as \"PT5M\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingThreshold_ReportsItRequiredRatherThanZero()
    {
        var json = ExampleJson("vmss-burst.json").Replace("\"operator\": \"GreaterThan\",\n        \"threshold\": 80", "\"operator\": \"GreaterThan\"", StringComparison.Ordinal);

        var error = Assert.Single(PolicyDocument.Parse(json).Errors);

        Assert.Equal("$.rules[0].trigger", error.Path);
        Assert.Contains("required fields are missing: 'threshold'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_ReportsWhereItBroke()
    {
        var error = Assert.Single(PolicyDocument.Parse("{\"version\": 1,").Errors);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("the document is not valid JSON here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WellFormedButInvalid_ReportsTheValidatorsPaths()
    {
        var json = ExampleJson("vmss-burst.json").Replace("\"maximum\": 100", "\"maximum\": 5000", StringComparison.Ordinal);

        var result = PolicyDocument.Parse(json);

        Assert.Null(result.Policy);
        Assert.Equal("$.capacity.maximum", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Parse_EmptyDocument_SaysWhatIsExpected()
    {
        var error = Assert.Single(PolicyDocument.Parse("  ").Errors);

        Assert.Equal("$", error.Path);
        Assert.Contains("expected a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ParsedPolicy_RoundTripsToTheSamePolicy()
    {
        var first = PolicyDocument.Parse(ExampleJson("vmss-burst.json")).Policy!;

        var json = PolicyDocument.Serialize(first);
        var second = PolicyDocument.Parse(json);

        Assert.Empty(second.Errors);
        Assert.Equal(json, PolicyDocument.Serialize(second.Policy!));
        Assert.Contains("\"cooldown\": \"PT15M\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_PolicyBuiltInCode_ParsesBackEqual()
    {
        var policy = Policy(2, 20, CpuHigh(change: 2), CpuLow(), MemoryLow()) with { Mode = PolicyMode.Observe };

        var parsed = PolicyDocument.Parse(PolicyDocument.Serialize(policy));

        Assert.Empty(parsed.Errors);
        Assert.Equal(PolicyDocument.Serialize(policy), PolicyDocument.Serialize(parsed.Policy!));
        Assert.Equal(PolicyMode.Observe, parsed.Policy!.Mode);
    }
}
