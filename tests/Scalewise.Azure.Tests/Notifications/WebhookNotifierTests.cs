using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Notifications;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Ports;
using Scalewise.Core.Procedures;

namespace Scalewise.Azure.Tests.Notifications;

public sealed class WebhookNotifierTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Uri Webhook = new("https://hooks.example.test/scalewise?code=secret");

    private static ProcedureNotification Finished(ProcedureOutcome outcome, int from = 2, int to = 3) =>
        new(
            TestData.Procedure("web", Start, new ProcedureStep("ApplyCapacity", Start, Start.AddMinutes(3), "capacity 3")) with
            {
                FromCapacity = from,
                ToCapacity = to,
                EndedAt = Start.AddMinutes(4),
                Outcome = outcome,
            },
            "https://portal.azure.com/#resource/x");

    [Fact]
    public async Task NotifyAsync_ScaleOutSucceeded_PostsAzureAutoscaleFieldsAndProcedureDetails()
    {
        var receiver = new RecordingHandler(HttpStatusCode.OK);
        var notifier = new WebhookNotifier(new HttpClient(receiver), Options.Create(new NotificationOptions { WebhookUrl = Webhook }), NullLogger<WebhookNotifier>.Instance);

        await notifier.NotifyAsync(Finished(ProcedureOutcome.Succeeded), CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(Webhook, request.Uri);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("Scale Out", root.GetProperty("operation").GetString());
        Assert.Equal("Activated", root.GetProperty("status").GetString());
        var context = root.GetProperty("context");
        Assert.Equal("2", context.GetProperty("oldCapacity").GetString());
        Assert.Equal("3", context.GetProperty("newCapacity").GetString());
        Assert.Equal("00000000-0000-0000-0000-000000000001", context.GetProperty("subscriptionId").GetString());
        Assert.Equal("rg-web", context.GetProperty("resourceGroupName").GetString());
        Assert.Equal("web", context.GetProperty("resourceName").GetString());
        Assert.Equal("Microsoft.Compute/virtualMachineScaleSets", context.GetProperty("resourceType").GetString());
        Assert.Equal("https://portal.azure.com/#resource/x", context.GetProperty("portalLink").GetString());
        Assert.Equal("Succeeded", root.GetProperty("outcome").GetString());
        Assert.Equal("Reactive", root.GetProperty("kind").GetString());
        Assert.StartsWith("scale-web", root.GetProperty("procedureId").GetString(), StringComparison.Ordinal);
        Assert.Equal("ApplyCapacity", root.GetProperty("steps")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task NotifyAsync_WithCapacityReport_PostsTheReportWithTheProcedure()
    {
        var receiver = new RecordingHandler(HttpStatusCode.OK);
        var notifier = new WebhookNotifier(new HttpClient(receiver), Options.Create(new NotificationOptions { WebhookUrl = Webhook }), NullLogger<WebhookNotifier>.Instance);
        var finished = Finished(ProcedureOutcome.Succeeded, from: 2, to: 6);
        var report = new Scalewise.Core.Reports.CapacityReport(
            "web", finished.Procedure.TargetResourceId, finished.Procedure.InstanceId, Start, "requests rose 40%", ProcedureOutcome.Succeeded, 2, 6,
            Start.AddMinutes(-5), Start.AddMinutes(10), "Requests per minute", 2500, Start.AddMinutes(2), 25, Start.AddMinutes(3), TimeSpan.FromMinutes(3),
            4, 15, 2, 10, 20, 32, "Emergency 2 → 6.");

        await notifier.NotifyAsync(finished with { Report = report }, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        var posted = body.RootElement.GetProperty("capacityReport");
        Assert.Equal(20, posted.GetProperty("recommendedMinimum").GetInt32());
        Assert.Equal(32, posted.GetProperty("recommendedMaximum").GetInt32());
        Assert.Equal(4, posted.GetProperty("minutesOverSlo").GetInt32());
        Assert.Equal("PT3M", posted.GetProperty("timeToCapacity").GetString());
    }

    [Fact]
    public async Task NotifyAsync_ScaleInRolledBack_ReportsScaleInAndFailure()
    {
        var receiver = new RecordingHandler(HttpStatusCode.Accepted);
        var notifier = new WebhookNotifier(new HttpClient(receiver), Options.Create(new NotificationOptions { WebhookUrl = Webhook }), NullLogger<WebhookNotifier>.Instance);

        await notifier.NotifyAsync(Finished(ProcedureOutcome.RolledBack, from: 5, to: 3), CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.Equal("Scale In", body.RootElement.GetProperty("operation").GetString());
        Assert.Equal("Failed", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("RolledBack", body.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task NotifyAsync_WebhookAnswersError_ThrowsNotificationFailedWithoutLeakingQuery()
    {
        var receiver = new RecordingHandler(HttpStatusCode.InternalServerError);
        var notifier = new WebhookNotifier(new HttpClient(receiver), Options.Create(new NotificationOptions { WebhookUrl = Webhook }), NullLogger<WebhookNotifier>.Instance);

        var notify = notifier.NotifyAsync(Finished(ProcedureOutcome.Succeeded), CancellationToken.None);

        var error = await Assert.ThrowsAsync<NotificationFailedException>(() => notify);
        Assert.Equal(500, error.Status);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyAsync_WebhookUnreachable_ThrowsNotificationFailed()
    {
        var receiver = new RecordingHandler(new HttpRequestException("Connection refused"));
        var notifier = new WebhookNotifier(new HttpClient(receiver), Options.Create(new NotificationOptions { WebhookUrl = Webhook }), NullLogger<WebhookNotifier>.Instance);

        var notify = notifier.NotifyAsync(Finished(ProcedureOutcome.Succeeded), CancellationToken.None);

        var error = await Assert.ThrowsAsync<NotificationFailedException>(() => notify);
        Assert.Null(error.Status);
        Assert.Contains("Connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyAsync_NoWebhookConfigured_SendsNothing()
    {
        var receiver = new RecordingHandler(HttpStatusCode.OK);
        var notifier = new WebhookNotifier(new HttpClient(receiver), Options.Create(new NotificationOptions()), NullLogger<WebhookNotifier>.Instance);

        await notifier.NotifyAsync(Finished(ProcedureOutcome.Succeeded), CancellationToken.None);

        Assert.Empty(receiver.Requests);
    }

    /// <summary>Stands in for the webhook receiver, which lives outside the process.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly HttpStatusCode status;
        private readonly Exception? failure;

        public RecordingHandler(HttpStatusCode status) => this.status = status;

        public RecordingHandler(Exception failure) => this.failure = failure;

        public ConcurrentQueue<(HttpMethod Method, Uri? Uri, string Body)> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (failure is not null)
            {
                throw failure;
            }

            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Enqueue((request.Method, request.RequestUri, body));
            return new HttpResponseMessage(status);
        }
    }
}
