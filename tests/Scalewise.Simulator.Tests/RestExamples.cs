using System.Text.Json.Nodes;

namespace Scalewise.Simulator.Tests;

/// <summary>
/// The official Azure REST examples, read at run time from shared/azure-rest-examples beside the repository
/// (never copied into it).
/// </summary>
internal static class RestExamples
{
    private static readonly Lazy<string> Root = new(Locate);

    public static JsonNode Response200Body(string relativePath)
    {
        var path = Path.Combine(Root.Value, relativePath);
        var example = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        return example["responses"]?["200"]?["body"] ?? throw new InvalidOperationException($"{path} has no 200 response body.");
    }

    /// <summary>The whole example document (parameters and responses).</summary>
    public static JsonNode Request(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root.Value, relativePath))) ?? throw new InvalidOperationException($"{relativePath} is empty.");

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            // The examples live in shared/ as a sibling of the repository root, so look beside every ancestor.
            var candidate = Path.Combine(directory.FullName, "shared", "azure-rest-examples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/azure-rest-examples found beside any ancestor of {AppContext.BaseDirectory}; the contract tests expect shared/ next to the repository root.");
    }
}
