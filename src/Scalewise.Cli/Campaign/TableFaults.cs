using System.Net;
using System.Text;

namespace Scalewise.Cli.Campaign;

/// <summary>
/// Table Storage faults for one target at a time, applied in the HTTP handler under the host's Table client: a
/// <see cref="CampaignFault.TableUnavailable"/> window answers 503 to every request whose URL names the target, and a
/// <see cref="CampaignFault.TableConflict"/> answers 412 to the next conditional writes of its rows. Thread-safe.
/// </summary>
public sealed class TableFaults(TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> outages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> conflicts = new(StringComparer.Ordinal);

    public void Outage(string marker, DateTimeOffset until)
    {
        lock (gate)
        {
            outages[marker] = until;
        }
    }

    public void Conflicts(string marker, int times)
    {
        lock (gate)
        {
            conflicts[marker] = times;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            outages.Clear();
            conflicts.Clear();
        }
    }

    /// <summary>The fault's answer to <paramref name="request"/>, or null to send it on.</summary>
    internal HttpResponseMessage? TryFault(HttpRequestMessage request)
    {
        var url = request.RequestUri?.ToString() ?? string.Empty;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            foreach (var (marker, until) in outages)
            {
                if (now < until && url.Contains(marker, StringComparison.Ordinal))
                {
                    return Error(HttpStatusCode.ServiceUnavailable, "ServerBusy", "The server is busy.");
                }
            }

            var conditional = request.Headers.TryGetValues("If-Match", out var tags) && tags.Any(t => t != "*");
            if (!conditional || request.Method == HttpMethod.Get)
            {
                return null;
            }

            foreach (var (marker, left) in conflicts)
            {
                if (left > 0 && url.Contains(marker, StringComparison.Ordinal))
                {
                    conflicts[marker] = left - 1;
                    return Error(HttpStatusCode.PreconditionFailed, "UpdateConditionNotSatisfied", "The update condition specified in the request was not satisfied.");
                }
            }
        }

        return null;
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message)
    {
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["odata.error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["message"] = new System.Text.Json.Nodes.JsonObject { ["lang"] = "en-US", ["value"] = message } },
        }.ToJsonString();
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        response.Headers.Add("x-ms-error-code", code);
        response.Headers.Add("x-ms-request-id", Guid.NewGuid().ToString());
        return response;
    }
}
