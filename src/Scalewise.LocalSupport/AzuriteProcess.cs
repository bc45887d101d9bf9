using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Scalewise.LocalSupport;

/// <summary>
/// A private Azurite (Azure Storage emulator) on free loopback ports, started from the repository's
/// <c>node_modules</c> with in-memory persistence and stopped, with its process tree, on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The well-known Azurite account key (public, documented by the emulator).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int MaxStartAttempts = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output;

    private AzuriteProcess(Process process, StringBuilder output, Uri tableEndpoint, Uri? blobEndpoint, Uri? queueEndpoint)
    {
        this.process = process;
        this.output = output;
        TableEndpoint = tableEndpoint;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
    }

    /// <summary>The Table service endpoint, account included (http://127.0.0.1:port/devstoreaccount1).</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Blob service endpoint; null when only the Table service was started.</summary>
    public Uri? BlobEndpoint { get; }

    /// <summary>The Queue service endpoint; null when only the Table service was started.</summary>
    public Uri? QueueEndpoint { get; }

    /// <summary>A storage connection string with explicit endpoints for the services this instance runs.</summary>
    public string ConnectionString
    {
        get
        {
            var builder = new StringBuilder()
                .Append("DefaultEndpointsProtocol=http;AccountName=").Append(AccountName)
                .Append(";AccountKey=").Append(AccountKey);
            if (BlobEndpoint is not null)
            {
                builder.Append(";BlobEndpoint=").Append(BlobEndpoint.AbsoluteUri);
            }

            if (QueueEndpoint is not null)
            {
                builder.Append(";QueueEndpoint=").Append(QueueEndpoint.AbsoluteUri);
            }

            builder.Append(";TableEndpoint=").Append(TableEndpoint.AbsoluteUri).Append(';');
            return builder.ToString();
        }
    }

    /// <summary>Starts Azurite (<c>azurite-table</c> when <paramref name="tablesOnly"/>) and returns once the Table port accepts connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, bool tablesOnly, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", tablesOnly ? "azurite-table" : "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: '{executable}' does not exist. Run `npm ci` in '{repositoryRoot}' (package.json lists azurite as a devDependency).");
        }

        string? lastFailure = null;
        for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
        {
            // Another process may take a port between our probe and Azurite's bind: then Azurite exits and we retry on new ports.
            var ports = LocalPorts.Free(tablesOnly ? 1 : 3);
            var started = await TryStartAsync(executable, repositoryRoot, tablesOnly, ports, cancellationToken).ConfigureAwait(false);
            if (started.Azurite is not null)
            {
                return started.Azurite;
            }

            lastFailure = started.Failure;
        }

        throw new InvalidOperationException($"Azurite did not start after {MaxStartAttempts} attempts. Last output: {lastFailure}");
    }

    /// <summary>Walks up from <paramref name="startDirectory"/> to the directory that holds <c>Functions.sln</c>.</summary>
    public static string FindRepositoryRoot(string startDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(startDirectory);
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No directory at or above '{startDirectory}' contains Functions.sln.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // The process already exited.
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>What Azurite printed so far (for diagnosing a failed start).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static async Task<(AzuriteProcess? Azurite, string? Failure)> TryStartAsync(
        string executable, string repositoryRoot, bool tablesOnly, int[] ports, CancellationToken cancellationToken)
    {
        var tablePort = ports[0];
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in new[] { "--silent", "--disableTelemetry", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        AddService(startInfo, "table", tablePort);
        if (!tablesOnly)
        {
            AddService(startInfo, "blob", ports[1]);
            AddService(startInfo, "queue", ports[2]);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(
            process,
            output,
            Endpoint(tablePort),
            tablesOnly ? null : Endpoint(ports[1]),
            tablesOnly ? null : Endpoint(ports[2]));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            while (true)
            {
                if (process.HasExited)
                {
                    var failure = azurite.Output;
                    await azurite.DisposeAsync().ConfigureAwait(false);
                    return (null, failure);
                }

                if (await AcceptsConnectionsAsync(tablePort, timeout.Token).ConfigureAwait(false))
                {
                    return (azurite, null);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = azurite.Output;
            await azurite.DisposeAsync().ConfigureAwait(false);
            return (null, $"no connection on port {tablePort.ToString(CultureInfo.InvariantCulture)} within {StartTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s. {failure}");
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void AddService(ProcessStartInfo startInfo, string service, int port)
    {
        startInfo.ArgumentList.Add($"--{service}Host");
        startInfo.ArgumentList.Add("127.0.0.1");
        startInfo.ArgumentList.Add($"--{service}Port");
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
    }

    private static Uri Endpoint(int port) =>
        new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{AccountName}");

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
