using CsCheck;
using Scalewise.Core.Policies;
using Scalewise.Tests;

namespace Scalewise.Core.Tests.Policies;

/// <summary>
/// Generated policy documents (valid, nearly valid, hostile) through the parser and validator: every document is accepted or
/// refused with errors naming a JSON path, never an exception; an accepted one is storable and reads back the same.
/// A few thousand cases here; <c>SCALEWISE_PROPERTY_CASES=100000</c> runs the documented long run (docs/testing.md).
/// </summary>
public sealed class PolicyDocumentPropertyTests
{
    [Fact]
    public void Parse_AnyGeneratedDocument_AcceptsOrNamesThePathOfEveryError()
    {
        HostileInputs.PolicyDocument.Sample(
            document =>
            {
                var parsed = PolicyDocument.Parse(document);

                if (parsed.IsValid)
                {
                    var stored = PolicyDocument.Serialize(parsed.Policy!);
                    Assert.True(PolicyDocument.Parse(stored).IsValid, "An accepted policy must read back as valid.");
                    Assert.True(System.Text.Json.JsonSerializer.Serialize(parsed.Policy, Core.Serialization.ScalewiseJson.Options).Length <= PolicyLimits.MaximumDocumentLength);
                    return;
                }

                Assert.NotEmpty(parsed.Errors);
                Assert.All(parsed.Errors, e =>
                {
                    Assert.StartsWith("$", e.Path, StringComparison.Ordinal);
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                });
            },
            iter: HostileInputs.Cases(5_000),
            threads: 1,
            print: Shorten);
    }

    [Fact]
    public void Generator_CoversValidAndRefusedDocuments()
    {
        var valid = 0;
        var refused = 0;
        HostileInputs.PolicyDocument.Sample(
            document =>
            {
                if (PolicyDocument.Parse(document).IsValid)
                {
                    Interlocked.Increment(ref valid);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            },
            iter: 500,
            threads: 1);

        // A generator that never produced a valid (or never a refused) document would test only one side.
        Assert.InRange(valid, 10, 490);
        Assert.InRange(refused, 10, 490);
    }

    private static string Shorten(string document) => document.Length > 2_000 ? document[..2_000] + $"... ({document.Length} characters)" : document;
}
