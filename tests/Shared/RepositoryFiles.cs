namespace Scalewise.Tests;

/// <summary>
/// Files the tests read from the repository itself (never from outside it): the official Azure REST examples and
/// OpenAPI definitions under <c>tests/contracts/azure</c>, and the traces under <c>samples/traces</c>. Compiled into
/// every test project by <c>tests/Directory.Build.targets</c>.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The repository root: the folder that holds <c>Functions.sln</c>.</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>The official Azure REST examples (see <c>tests/contracts/azure/examples/README.md</c>).</summary>
    public static string RestExamples => Path.Combine(Root, "tests", "contracts", "azure", "examples");

    /// <summary>The official Azure OpenAPI definitions (see <c>tests/contracts/azure/specs/SOURCES.md</c>).</summary>
    public static string AzureSpecs => Path.Combine(Root, "tests", "contracts", "azure", "specs");

    /// <summary>Workload traces (see <c>samples/traces/README.md</c>).</summary>
    public static string Traces => Path.Combine(Root, "samples", "traces");

    /// <summary>The path of one official example, failing with the path looked for when it is missing.</summary>
    public static string RestExample(string relativePath)
    {
        var path = Path.Combine(RestExamples, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"No official REST example at {path}.", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Functions.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
