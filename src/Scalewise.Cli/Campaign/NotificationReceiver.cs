using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scalewise.Cli.Campaign;

/// <summary>
/// The webhook the campaign host notifies: records every procedure notification by policy, and answers 503 about a
/// policy while its <see cref="CampaignFault.NotificationDown"/> window lasts.
/// </summary>
public sealed class NotificationReceiver(WebApplication app, TimeProvider clock) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> downUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> outcomes = new(StringComparer.Ordinal);

    public Uri Url { get; } = new(app.Urls.First() + "/notify");

    public static async Task<NotificationReceiver> StartAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        NotificationReceiver? receiver = null;
        app.MapPost("/notify", (HttpContext context) => receiver!.ReceiveAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        receiver = new NotificationReceiver(app, clock);
        return receiver;
    }

    public void Down(string policyId, DateTimeOffset until) => downUntil[policyId] = until;

    public void AllUp() => downUntil.Clear();

    /// <summary>The outcome of every procedure notification received about <paramref name="policyId"/>.</summary>
    public IReadOnlyList<string> OutcomesOf(string policyId) => outcomes.TryGetValue(policyId, out var received) ? [.. received] : [];

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task ReceiveAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var policyId = body?["context"]?["name"]?.GetValue<string>() ?? string.Empty;
        if (downUntil.TryGetValue(policyId, out var until) && clock.GetUtcNow() < until)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (body?["procedureId"] is not null)
        {
            outcomes.GetOrAdd(policyId, _ => new ConcurrentQueue<string>()).Enqueue(body["outcome"]?.GetValue<string>() ?? "none");
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
