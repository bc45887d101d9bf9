namespace Scalewise.Simulator.Hosting;

public sealed class EstateSimulatorOptions
{
    /// <summary>The clock every simulated delay and metric minute follows (may run faster than real time).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the simulator logs; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }
}
