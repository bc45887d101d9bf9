namespace Scalewise.Simulator;

/// <summary>A request the simulated Azure refuses; the router writes it as an ARM error body.</summary>
internal sealed class ArmRefusalException(int status, string code, string message, string? target = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Target { get; } = target;
}
