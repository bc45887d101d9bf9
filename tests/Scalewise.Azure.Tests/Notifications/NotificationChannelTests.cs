using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core.Pipeline;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Arm;
using Scalewise.Azure.Notifications;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;

namespace Scalewise.Azure.Tests.Notifications;

public sealed class NotificationChannelTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Uri Topic = new("https://scalewise-topic.westeurope-1.eventgrid.example.test/api/events");

    private static ProcedureNotification Finished(ProcedureOutcome outcome) =>
        new(
            TestData.Procedure("web", Start, new ProcedureStep("apply", Start, Start.AddMinutes(3), "capacity 3")) with
            {
                EndedAt = Start.AddMinutes(4),
                Outcome = outcome,
            },
            "https://portal.azure.com/#resource/x");

    private static ProcedureNotification WithReport()
    {
        var finished = Finished(ProcedureOutcome.Succeeded);
        var procedure = finished.Procedure;
        var report = new Scalewise.Core.Reports.CapacityReport(
            "web", procedure.TargetResourceId, procedure.InstanceId, Start, "requests rose 40%", ProcedureOutcome.Succeeded, 2, 3,
            Start.AddMinutes(-5), Start.AddMinutes(10), "Requests per minute", 2500, Start.AddMinutes(2), 25, Start.AddMinutes(3), TimeSpan.FromMinutes(3),
            4, 15, 2, 10, 20, 32, "Emergency 2 → 3; 4 minutes over the SLO.");
        return finished with { Report = report };
    }

    [Fact]
    public async Task TeamsNotifier_ScaleOutSucceeded_PostsCardWithTitleFactsAndPortalLink()
    {
        await using var teams = await LocalReceiver.StartAsync(HttpStatusCode.OK);
        var notifier = Teams(teams);

        await notifier.NotifyAsync(Finished(ProcedureOutcome.Succeeded), CancellationToken.None);

        var request = Assert.Single(teams.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/hook?sig=abc", request.PathAndQuery);
        using var card = JsonDocument.Parse(request.Body);
        var root = card.RootElement;
        Assert.Equal("MessageCard", root.GetProperty("@type").GetString());
        Assert.Equal("Scalewise: scale out of web succeeded", root.GetProperty("title").GetString());
        var facts = root.GetProperty("sections")[0].GetProperty("facts").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal(TestData.ScaleSetId("web"), facts["Target"]);
        Assert.Equal("2 → 3", facts["Capacity"]);
        Assert.Equal("Succeeded", facts["Outcome"]);
        Assert.Equal("CPU above 70% for 10 minutes", facts["Reason"]);
        Assert.Equal("https://portal.azure.com/#resource/x", root.GetProperty("potentialAction")[0].GetProperty("targets")[0].GetProperty("uri").GetString());
    }

    [Fact]
    public async Task WebhookNotifier_LocalReceiver_ReceivesAutoscaleFields()
    {
        await using var hook = await LocalReceiver.StartAsync(HttpStatusCode.OK);
        var notifier = Webhook(hook);

        await notifier.NotifyAsync(Finished(ProcedureOutcome.RolledBack), CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(hook.Requests).Body);
        Assert.Equal("Failed", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("RolledBack", body.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("3", body.RootElement.GetProperty("context").GetProperty("newCapacity").GetString());
    }

    [Fact]
    public async Task EventGridNotifier_ProcedureEnded_PublishesCloudEventWithPayloadAndBearerToken()
    {
        var topic = new TopicStandIn(HttpStatusCode.OK);
        var notifier = EventGrid(topic);

        await notifier.NotifyAsync(Finished(ProcedureOutcome.Succeeded), CancellationToken.None);

        var request = Assert.Single(topic.Requests);
        Assert.Equal(Topic, new Uri(request.Uri.GetLeftPart(UriPartial.Path)));
        Assert.Equal("Bearer test-token", request.Authorization);
        Assert.StartsWith("application/cloudevents-batch+json", request.ContentType, StringComparison.Ordinal);
        using var events = JsonDocument.Parse(request.Body);
        var cloudEvent = Assert.Single(events.RootElement.EnumerateArray());
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("Scalewise.Procedure.Completed", cloudEvent.GetProperty("type").GetString());
        Assert.Equal("/scalewise/procedures", cloudEvent.GetProperty("source").GetString());
        Assert.Equal(TestData.ScaleSetId("web"), cloudEvent.GetProperty("subject").GetString());
        Assert.EndsWith(":Succeeded", cloudEvent.GetProperty("id").GetString(), StringComparison.Ordinal);
        var data = cloudEvent.GetProperty("data");
        Assert.Equal("Scale Out", data.GetProperty("operation").GetString());
        Assert.Equal("2", data.GetProperty("context").GetProperty("oldCapacity").GetString());
        Assert.Equal("Succeeded", data.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task EventGridNotifier_CapacityReport_PublishesItsOwnEventTypeWithTheReport()
    {
        var topic = new TopicStandIn(HttpStatusCode.OK);
        var notifier = EventGrid(topic);

        await notifier.NotifyAsync(WithReport(), CancellationToken.None);

        using var events = JsonDocument.Parse(Assert.Single(topic.Requests).Body);
        var cloudEvent = Assert.Single(events.RootElement.EnumerateArray());
        Assert.Equal("Scalewise.CapacityReport.Written", cloudEvent.GetProperty("type").GetString());
        Assert.Contains(":report:", cloudEvent.GetProperty("id").GetString(), StringComparison.Ordinal);
        var report = cloudEvent.GetProperty("data").GetProperty("capacityReport");
        Assert.Equal(20, report.GetProperty("recommendedMinimum").GetInt32());
        Assert.Equal(32, report.GetProperty("recommendedMaximum").GetInt32());
        Assert.Equal(4, report.GetProperty("minutesOverSlo").GetInt32());
    }

    [Fact]
    public async Task TeamsNotifier_CapacityReport_PostsCardWithTheSummaryAndRecommendedBounds()
    {
        await using var teams = await LocalReceiver.StartAsync(HttpStatusCode.OK);
        var notifier = Teams(teams);

        await notifier.NotifyAsync(WithReport(), CancellationToken.None);

        using var card = JsonDocument.Parse(Assert.Single(teams.Requests).Body);
        var root = card.RootElement;
        Assert.Equal("Scalewise: capacity report after the emergency on web", root.GetProperty("title").GetString());
        var facts = root.GetProperty("sections")[0].GetProperty("facts").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal("Emergency 2 → 3; 4 minutes over the SLO.", facts["Capacity report"]);
        Assert.Equal("minimum 20, maximum 32 (policy 2 to 10)", facts["Recommended bounds"]);
    }

    [Fact]
    public async Task CompositeNotifier_OneChannelFails_StillSendsToTheOthersThenThrowsNamingTheFailure()
    {
        await using var hook = await LocalReceiver.StartAsync(HttpStatusCode.InternalServerError);
        await using var teams = await LocalReceiver.StartAsync(HttpStatusCode.OK);
        var topic = new TopicStandIn(HttpStatusCode.OK);
        var notifier = new CompositeNotifier(
            [new("webhook", Webhook(hook)), new("Event Grid", EventGrid(topic)), new("Teams", Teams(teams))],
            NullLogger<CompositeNotifier>.Instance);

        var send = notifier.NotifyAsync(Finished(ProcedureOutcome.Succeeded), CancellationToken.None);

        var error = await Assert.ThrowsAsync<NotificationFailedException>(() => send);
        Assert.StartsWith("1 of 3 notification channel(s) failed: webhook: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(500, error.Status);
        Assert.Single(hook.Requests);
        Assert.Single(topic.Requests);
        Assert.Single(teams.Requests);
    }

    [Fact]
    public async Task CompositeNotifier_TwoChannelsFail_ListsBoth()
    {
        await using var teams = await LocalReceiver.StartAsync(HttpStatusCode.BadRequest);
        var topic = new TopicStandIn(HttpStatusCode.Forbidden);
        var notifier = new CompositeNotifier([new("Event Grid", EventGrid(topic)), new("Teams", Teams(teams))], NullLogger<CompositeNotifier>.Instance);

        var error = await Assert.ThrowsAsync<NotificationFailedException>(() => notifier.NotifyAsync(Finished(ProcedureOutcome.Failed), CancellationToken.None));

        Assert.StartsWith("2 of 2 notification channel(s) failed: Event Grid: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; Teams: The Teams webhook", error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Assert.IsType<AggregateException>(error.InnerException).InnerExceptions.Count);
    }

    [Fact]
    public async Task CompositeNotifier_Alert_ReachesWebhookEventGridAndTeamsAsAWarning()
    {
        await using var hook = await LocalReceiver.StartAsync(HttpStatusCode.OK);
        await using var teams = await LocalReceiver.StartAsync(HttpStatusCode.OK);
        var topic = new TopicStandIn(HttpStatusCode.OK);
        var notifier = new CompositeNotifier(
            [new("webhook", Webhook(hook)), new("Event Grid", EventGrid(topic)), new("Teams", Teams(teams))],
            NullLogger<CompositeNotifier>.Instance);
        var alert = new AlertNotification(
            "web", TestData.ScaleSetId("web"), 4, ["latency-high"], "No change at 4: no rule fired. Alert: 'latency-high' (requests/duration Average over 5m = 1400 > 1000) is past its threshold; alert-only, so nothing scales.", Start, "https://portal.azure.com/#resource/x");

        await notifier.NotifyAlertAsync(alert, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(hook.Requests).Body);
        Assert.Equal(("Alert", "Warning"), (body.RootElement.GetProperty("operation").GetString(), body.RootElement.GetProperty("status").GetString()));
        Assert.Equal("latency-high", body.RootElement.GetProperty("alerts")[0].GetString());
        Assert.Equal(("4", "4"), (body.RootElement.GetProperty("context").GetProperty("oldCapacity").GetString(), body.RootElement.GetProperty("context").GetProperty("newCapacity").GetString()));
        Assert.Equal(alert.Reason, body.RootElement.GetProperty("reason").GetString());

        using var events = JsonDocument.Parse(Assert.Single(topic.Requests).Body);
        var cloudEvent = Assert.Single(events.RootElement.EnumerateArray());
        Assert.Equal(("Scalewise.Alert.Raised", "/scalewise/alerts"), (cloudEvent.GetProperty("type").GetString(), cloudEvent.GetProperty("source").GetString()));
        Assert.Equal("web:alert:2026-11-24T09:00:00.0000000+00:00", cloudEvent.GetProperty("id").GetString());

        using var card = JsonDocument.Parse(Assert.Single(teams.Requests).Body);
        Assert.Equal("Scalewise: warning on web", card.RootElement.GetProperty("title").GetString());
        Assert.Contains(card.RootElement.GetProperty("sections")[0].GetProperty("facts").EnumerateArray(), f => f.GetProperty("name").GetString() == "Alerts" && f.GetProperty("value").GetString() == "latency-high");
    }

    private static TeamsNotifier Teams(LocalReceiver receiver) =>
        new(new HttpClient(), Options.Create(new NotificationOptions { TeamsWebhookUrl = new Uri(receiver.BaseUri, "teams/hook?sig=abc") }), NullLogger<TeamsNotifier>.Instance);

    private static WebhookNotifier Webhook(LocalReceiver receiver) =>
        new(new HttpClient(), Options.Create(new NotificationOptions { WebhookUrl = new Uri(receiver.BaseUri, "hook") }), NullLogger<WebhookNotifier>.Instance);

    private static EventGridNotifier EventGrid(TopicStandIn topic)
    {
        var options = new EventGridPublisherClientOptions { Transport = new HttpClientTransport(topic) };
        options.Retry.MaxRetries = 0;
        return new EventGridNotifier(new EventGridPublisherClient(Topic, new StaticTokenCredential("test-token"), options), NullLogger<EventGridNotifier>.Instance);
    }

    /// <summary>Stands in for the Event Grid topic (outside the process) behind the SDK's own transport.</summary>
    private sealed class TopicStandIn(HttpStatusCode status) : HttpMessageHandler
    {
        public ConcurrentQueue<(Uri Uri, string? Authorization, string? ContentType, string Body)> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString(), request.Content?.Headers.ContentType?.ToString(), body));
            return new HttpResponseMessage(status)
            {
                Content = new StringContent(status == HttpStatusCode.OK ? string.Empty : "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"The principal may not publish.\"}}", Encoding.UTF8, "application/json"),
            };
        }
    }
}
