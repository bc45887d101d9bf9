using System.Text.Json.Nodes;
using Scalewise.Tests;

namespace Scalewise.Simulator.Tests;

/// <summary>The official Azure REST examples in <c>tests/contracts/azure/examples</c>.</summary>
internal static class RestExampleBodies
{
    public static JsonNode Response200Body(string relativePath)
    {
        var path = RepositoryFiles.RestExample(relativePath);
        var example = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException($"{path} is empty.");
        return example["responses"]?["200"]?["body"] ?? throw new InvalidOperationException($"{path} has no 200 response body.");
    }

    /// <summary>The whole example document (parameters and responses).</summary>
    public static JsonNode Request(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.RestExample(relativePath))) ?? throw new InvalidOperationException($"{relativePath} is empty.");
}
