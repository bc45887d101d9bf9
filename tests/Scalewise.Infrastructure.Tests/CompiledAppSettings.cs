using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scalewise.Infrastructure.Tests;

/// <summary>The Function App's app settings as the compiled template writes them.</summary>
internal static partial class CompiledAppSettings
{
    /// <summary>The settings with literal names and values (the ones every deployment has).</summary>
    public static JsonObject Literal(CompiledMainTemplate compiled)
    {
        var settings = new JsonObject();
        foreach (var variable in Variables(compiled))
        {
            if (variable is JsonObject literal)
            {
                foreach (var (name, value) in literal)
                {
                    settings[name] = value?.DeepClone();
                }
            }
        }

        return settings;
    }

    /// <summary>Every setting name the app settings can hold, the conditional ones included.</summary>
    public static HashSet<string> Names(CompiledMainTemplate compiled)
    {
        var names = Literal(compiled).Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var variable in Variables(compiled))
        {
            if (variable is JsonValue expression && expression.TryGetValue<string>(out var text))
            {
                names.UnionWith(CreateObjectKey().Matches(text).Select(match => match.Groups[1].Value));
            }
        }

        return names;
    }

    private static IEnumerable<JsonNode?> Variables(CompiledMainTemplate compiled)
    {
        var config = compiled.OfType("Microsoft.Web/sites/config").Single(resource => resource.Name.Contains("appsettings", StringComparison.Ordinal));
        var expression = (string)config.Body["properties"]!;
        return VariableReference().Matches(expression).Select(match => config.Template["variables"]?[match.Groups[1].Value]);
    }

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"createObject\('([^']+)'")]
    private static partial Regex CreateObjectKey();
}
