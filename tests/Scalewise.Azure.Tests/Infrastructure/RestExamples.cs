using System.Text.Json;

namespace Scalewise.Azure.Tests.Infrastructure;

/// <summary>The official Azure REST examples in the shared folder beside the repository (shared/azure-rest-examples).</summary>
internal static class RestExamples
{
    public static JsonDocument Load(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var examples = Path.Combine(directory.FullName, "shared", "azure-rest-examples");
            if (Directory.Exists(examples))
            {
                return JsonDocument.Parse(File.ReadAllText(Path.Combine(examples, relativePath)));
            }
        }

        throw new DirectoryNotFoundException($"No directory above '{AppContext.BaseDirectory}' contains shared/azure-rest-examples.");
    }

    public static JsonElement ResponseBody(JsonDocument example) =>
        example.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body");
}
