namespace Scalewise.Infrastructure.Tests;

/// <summary>src/Scalewise.Functions published once in Release, as azd and the deploy docs publish it.</summary>
public sealed class PublishedFunctionsApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(12);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"scalewise-publish-{Guid.NewGuid():N}");

    internal ProcessResult Publish { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync()
    {
        Publish = await PublishAsync();

        // Other builds of the same projects may hold a file for a moment; one retry rides that out.
        if (Publish.ExitCode != 0 && IsFileInUse(Publish))
        {
            await Task.Delay(TimeSpan.FromSeconds(20));
            Publish = await PublishAsync();
        }
    }

    public Task DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    internal string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    internal void AssertPublished() => Assert.True(Publish.ExitCode == 0, $"dotnet publish failed: {Publish.Describe()}");

    private Task<ProcessResult> PublishAsync() =>
        ChildProcess.RunAsync(
            "dotnet",
            ["publish", RepositoryLayout.FunctionsProject, "-c", "Release", "-o", Directory, "--nologo"],
            RepositoryLayout.Root,
            PublishTimeout);

    private static bool IsFileInUse(ProcessResult result)
    {
        var output = result.StandardOutput + result.StandardError;
        return output.Contains("being used by another process", StringComparison.OrdinalIgnoreCase)
            || output.Contains("MSB3026", StringComparison.Ordinal)
            || output.Contains("MSB3027", StringComparison.Ordinal)
            || output.Contains("MSB3021", StringComparison.Ordinal);
    }
}
