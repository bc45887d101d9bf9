namespace Scalewise.Azure.Arm;

/// <summary>Client options for the Azure Monitor REST pipeline (there is no Monitor SDK client to carry them).</summary>
internal sealed class MonitorClientOptions : ClientOptions
{
}
