using Scalewise.Core.Policies;

namespace Scalewise.Core.Tests.Policies;

/// <summary>Well-formed but odd documents (issue 20): each is refused with the path of what was wrong, never an exception.</summary>
public sealed class PolicyHostileDocumentTests
{
    [Theory]
    [InlineData("\"id\": \"other\",", "$.id")]
    [InlineData("\"ID\": \"other\",", "$.ID")]
    public void Parse_DuplicateKeyEvenInAnotherCase_NamesTheSecondKey(string duplicate, string path)
    {
        var parsed = PolicyDocument.Parse(Document(extra: duplicate));

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKeyInsideARule_NamesItsPath()
    {
        var rule = """{ "name": "a", "name": "b" }""";

        var parsed = PolicyDocument.Parse(Document(rules: rule + ", " + rule));

        Assert.Equal("$.rules[0].name", Assert.Single(parsed.Errors).Path);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff and more")]
    [InlineData("\\ud83d\\u0041")]
    public void Parse_LoneSurrogateEscape_NamesTheString(string text)
    {
        var parsed = PolicyDocument.Parse(Document(extra: $"\"description\": \"{text}\","));

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("$.description", error.Path);
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PairedSurrogateEscape_IsAccepted()
    {
        var parsed = PolicyDocument.Parse(Document(extra: "\"description\": \"rocket \\ud83d\\ude80\","));

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal("rocket \U0001F680", parsed.Policy!.Description);
    }

    [Theory]
    [InlineData("P99999999999D")]
    [InlineData("PT9999999999999H")]
    public void Parse_DurationBeyondTimeSpan_NamesTheField(string duration)
    {
        var parsed = PolicyDocument.Parse(Document(warmUp: duration));

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("$.warmUp", error.Path);
        Assert.Contains(duration, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestingDeeperThanTheMaximum_IsRefusedWithAPath()
    {
        var deep = new string('[', 40) + new string(']', 40);

        var parsed = PolicyDocument.Parse(Document(extra: $"\"description\": {deep},"));

        Assert.StartsWith("$.description", Assert.Single(parsed.Errors).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreRulesThanTheMaximum_NamesTheRules()
    {
        var rules = Enumerable.Range(0, PolicyLimits.MaximumRules + 1).Select(i => Rule($"rule-{i}", "Percentage CPU"));

        var parsed = PolicyDocument.Parse(Document(rules: string.Join(", ", rules)));

        Assert.Contains(parsed.Errors, e => e.Path == "$.rules" && e.Message.Contains("at most 50", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ValidButLargerThanStorable_IsRefusedWithTheMaximum()
    {
        var metric = new string('m', 60_000);
        var rules = Enumerable.Range(0, 5).Select(i => Rule($"rule-{i}", metric));

        var parsed = PolicyDocument.Parse(Document(rules: string.Join(", ", rules)));

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("$", error.Path);
        Assert.Contains("262144", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web-tier\n")]
    [InlineData("web-tier\r\n")]
    public void Parse_IdWithTrailingNewline_IsRefused(string id)
    {
        var parsed = PolicyDocument.Parse(Document(extra: $"\"id\": \"{id.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)}\",", withId: false));

        Assert.Equal("$.id", Assert.Single(parsed.Errors).Path);
    }

    private static string Rule(string name, string metric) =>
        $$"""{ "name": "{{name}}", "trigger": { "metricName": "{{metric}}", "timeGrain": "PT1M", "statistic": "Average", "timeWindow": "PT5M", "timeAggregation": "Average", "operator": "GreaterThan", "threshold": 70 }, "action": { "direction": "Increase", "changeCount": 1, "cooldown": "PT5M" } }""";

    private static string Document(string extra = "", string warmUp = "PT1M", string rules = "", bool withId = true) => $$"""
        {
          "version": 1,
          {{(withId ? "\"id\": \"hostile\"," : string.Empty)}}
          {{extra}}
          "target": { "kind": "VirtualMachineScaleSet", "resourceId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/tests/providers/Microsoft.Compute/virtualMachineScaleSets/hostile" },
          "capacity": { "minimum": 1, "maximum": 10, "default": 2 },
          "warmUp": "{{warmUp}}",
          "rules": [{{rules}}]
        }
        """;
}
