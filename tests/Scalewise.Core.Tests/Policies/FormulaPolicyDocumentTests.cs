using System.Text.Json.Nodes;
using Scalewise.Core.Policies;
using static Scalewise.Core.Tests.Samples;

namespace Scalewise.Core.Tests.Policies;

public sealed class FormulaPolicyDocumentTests
{
    [Fact]
    public void Serialize_FormulaPolicy_WritesTheFormulaWithoutMetricFieldsAndParsesBackTheSame()
    {
        var policy = PolicyDocument.Parse(ExampleJson("vmss-formula.json")).Policy!;

        var json = PolicyDocument.Serialize(policy);
        var again = PolicyDocument.Parse(json);

        var trigger = JsonNode.Parse(json)!["rules"]![0]!["trigger"]!.AsObject();
        Assert.Equal(["formula", "operator", "threshold", "warningThreshold"], trigger.Select(p => p.Key));
        Assert.True(again.IsValid, string.Join("; ", again.Errors));
        Assert.Equal("max(cpu / 70, rps / 18000)", again.Policy!.Rules[0].Trigger.Formula);
        Assert.Equal(["cpu", "rps", "cpu_slow", "rps_slow"], again.Policy.Metrics!.Select(m => m.Name));
        Assert.True(again.Policy.Metrics![1].DividePerInstance);
        Assert.Equal(json, PolicyDocument.Serialize(again.Policy));
    }

    [Fact]
    public void Parse_FormulaTriggerWithTiers_KeepsTheTiers()
    {
        var policy = PolicyDocument.Parse(ExampleJson("vmss-formula.json")).Policy!;

        Assert.Equal(0.85, policy.Rules[0].Trigger.WarningThreshold);
    }
}
