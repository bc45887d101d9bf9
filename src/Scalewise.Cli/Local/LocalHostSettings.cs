using Scalewise.Simulator.Hosting;

namespace Scalewise.Cli.Local;

/// <summary>
/// What a local host is wired to: Table Storage, the estate simulator, the clock and how many times procedure waits are
/// compressed, the HTTP port (0 = free), and what a caller adds (further settings such as a notification webhook, services
/// registered first, the console's log level).
/// </summary>
public sealed record LocalHostSettings(string Storage, EstateSimulator Simulator, TimeProvider Clock, double Speed, int Port)
{
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The least severe host log written to the console.</summary>
    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>Services registered before Scalewise's own (a registration here wins over Scalewise's TryAdd defaults).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
