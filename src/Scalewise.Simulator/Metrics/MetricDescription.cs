namespace Scalewise.Simulator.Metrics;

/// <summary>A metric a simulated resource serves: its Azure Monitor name, unit and description.</summary>
internal sealed record MetricDescription(string Name, string Unit, string Description);
