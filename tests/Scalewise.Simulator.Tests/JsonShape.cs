using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scalewise.Simulator.Tests;

/// <summary>Compares JSON documents by shape: property paths (arrays as "[]") and the kind of value at each.</summary>
internal static class JsonShape
{
    public static IReadOnlyDictionary<string, string> Paths(JsonNode? node)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "$", paths);
        return paths;
    }

    /// <summary>Asserts every path of <paramref name="example"/> (outside <paramref name="ignoredPrefixes"/>) exists in <paramref name="actual"/> with the same kind.</summary>
    public static void AssertCovers(JsonNode? example, JsonNode? actual, params string[] ignoredPrefixes)
    {
        var expected = Paths(example);
        var ours = Paths(actual);
        var problems = new List<string>();
        foreach (var (path, kind) in expected)
        {
            if (ignoredPrefixes.Any(p => path == p || path.StartsWith(p + ".", StringComparison.Ordinal) || path.StartsWith(p + "[]", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!ours.TryGetValue(path, out var ourKind))
            {
                problems.Add($"missing {path} ({kind})");
            }
            else if (ourKind != kind)
            {
                problems.Add($"{path} is {ourKind}, the example has {kind}");
            }
        }

        Assert.True(problems.Count == 0, "Shape differs from the REST example:\n" + string.Join('\n', problems) + "\nOurs:\n" + actual?.ToJsonString());
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> paths)
    {
        paths[path] = Kind(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, $"{path}.{name}", paths);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, path + "[]", paths);
                }

                break;
        }
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.Value.ToString(),
    };
}
