using System.Text.Json;
using Scalewise.Tests;

namespace Scalewise.Azure.Tests.Infrastructure;

/// <summary>The official Azure REST examples in <c>tests/contracts/azure/examples</c>.</summary>
internal static class RestExampleDocuments
{
    public static JsonDocument Load(string relativePath) => JsonDocument.Parse(File.ReadAllText(RepositoryFiles.RestExample(relativePath)));

    public static JsonElement ResponseBody(JsonDocument example) =>
        example.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body");
}
