namespace Scalewise.Core.Tests.Autoscale;

/// <summary>The official Azure REST examples in <c>shared/azure-rest-examples</c>, found by walking up from the test binaries.</summary>
internal static class RestExampleFiles
{
    public static string Read(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var examples = Path.Combine(directory.FullName, "shared", "azure-rest-examples");
            if (Directory.Exists(examples))
            {
                return File.ReadAllText(Path.Combine(examples, relativePath));
            }
        }

        throw new DirectoryNotFoundException($"No directory above {AppContext.BaseDirectory} holds shared/azure-rest-examples.");
    }
}
