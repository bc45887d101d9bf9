namespace Scalewise.Infrastructure.Tests;

/// <summary>Paths in the repository, found from the test's output folder by walking up to Functions.sln.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string InfraDirectory => Path.Combine(Root, "infra-bicep");

    public static string MainTemplate => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainParameters => Path.Combine(InfraDirectory, "main.parameters.json");

    public static string FunctionsProject => Path.Combine(Root, "src", "Scalewise.Functions");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
