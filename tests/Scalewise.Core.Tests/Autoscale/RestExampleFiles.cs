using Scalewise.Tests;

namespace Scalewise.Core.Tests.Autoscale;

/// <summary>The official Azure REST examples in <c>tests/contracts/azure/examples</c>.</summary>
internal static class RestExampleFiles
{
    public static string Read(string relativePath) => File.ReadAllText(RepositoryFiles.RestExample(relativePath));
}
