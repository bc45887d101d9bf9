using System.Diagnostics.Metrics;
using Azure.Core.Pipeline;

namespace Scalewise.Azure.Arm;

/// <summary>
/// Counts every Azure answer of <c>429 Too Many Requests</c> (each attempt, retries included) as the OpenTelemetry counter
/// <c>scalewise.azure.throttled</c>, tagged with the host that throttled. In every pipeline <see cref="ArmConnection"/>
/// builds, so ARM and Azure Monitor calls alike are counted.
/// </summary>
public sealed class ThrottledCallCounter : HttpPipelineSynchronousPolicy
{
    /// <summary>The meter's name: Scalewise's (the hosts export every meter of that name).</summary>
    public const string MeterName = "Scalewise";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>("scalewise.azure.throttled", "{response}", "Azure calls answered 429 Too Many Requests.");

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.HasResponse && message.Response.Status == 429)
        {
            Throttled.Add(1, new KeyValuePair<string, object?>("server.address", message.Request.Uri.Host), new KeyValuePair<string, object?>("server.port", message.Request.Uri.Port));
        }
    }
}
