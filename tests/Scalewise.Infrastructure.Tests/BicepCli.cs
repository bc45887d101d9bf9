using System.Reflection;

namespace Scalewise.Infrastructure.Tests;

/// <summary>
/// The bicep binary from the Azure.Bicep.CommandLine.linux-x64 package; its folder is written into this assembly
/// at build time, so the tests need neither a global install nor a network.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Executable = new(FindExecutable);

    public static Task<ProcessResult> BuildAsync(string bicepFile, string outputFile) =>
        RunAsync(["build", bicepFile, "--outfile", outputFile]);

    public static Task<ProcessResult> LintAsync(string bicepFile) =>
        RunAsync(["lint", bicepFile]);

    private static Task<ProcessResult> RunAsync(string[] arguments) =>
        ChildProcess.RunAsync(Executable.Value, arguments, RepositoryLayout.InfraDirectory, Timeout);

    private static string FindExecutable()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new PlatformNotSupportedException("The infrastructure tests use the bicep binary from Azure.Bicep.CommandLine.linux-x64: run them on Linux x64.");
        }

        var packagePath = typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "BicepPackagePath")?.Value;
        if (string.IsNullOrEmpty(packagePath))
        {
            throw new InvalidOperationException("BicepPackagePath is not set: restore the test project so the Azure.Bicep.CommandLine.linux-x64 package is present.");
        }

        var executable = Path.Combine(packagePath, "tools", "bicep");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"No bicep binary in the Azure.Bicep.CommandLine.linux-x64 package at {executable}.", executable);
        }

        // NuGet extracts files without guaranteeing the execute bit for every user.
        var mode = File.GetUnixFileMode(executable);
        const UnixFileMode executeBits = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(executable, mode | executeBits);
        }

        return executable;
    }
}
