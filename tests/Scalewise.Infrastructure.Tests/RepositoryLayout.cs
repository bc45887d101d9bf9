using Scalewise.Tests;

namespace Scalewise.Infrastructure.Tests;

/// <summary>Paths in the repository, under the repository root (<see cref="RepositoryFiles.Root"/>).</summary>
internal static class RepositoryLayout
{
    public static string Root => RepositoryFiles.Root;

    public static string InfraDirectory => Path.Combine(Root, "infra-bicep");

    public static string MainTemplate => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainParameters => Path.Combine(InfraDirectory, "main.parameters.json");

    public static string FunctionsProject => Path.Combine(Root, "src", "Scalewise.Functions");
}
