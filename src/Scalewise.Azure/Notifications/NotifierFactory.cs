using Azure.Core.Pipeline;
using Azure.Messaging.EventGrid;
using Microsoft.Extensions.DependencyInjection;

namespace Scalewise.Azure.Notifications;

/// <summary>Every channel <see cref="NotificationOptions"/> sets, behind one <see cref="CompositeNotifier"/>; with none set, the webhook notifier's log line.</summary>
internal static class NotifierFactory
{
    /// <summary>The HttpClient under the Event Grid publisher, with the notification resilience pipeline.</summary>
    public const string EventGridClientName = "Scalewise.EventGrid";

    public static CompositeNotifier Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var channels = new List<NotificationChannel>();
        if (options.WebhookUrl is not null || (options.EventGridTopicEndpoint is null && options.TeamsWebhookUrl is null))
        {
            channels.Add(new NotificationChannel("webhook", services.GetRequiredService<WebhookNotifier>()));
        }

        if (options.EventGridTopicEndpoint is not null)
        {
            channels.Add(new NotificationChannel("Event Grid", services.GetRequiredService<EventGridNotifier>()));
        }

        if (options.TeamsWebhookUrl is not null)
        {
            channels.Add(new NotificationChannel("Teams", services.GetRequiredService<TeamsNotifier>()));
        }

        return new CompositeNotifier(channels, services.GetRequiredService<ILogger<CompositeNotifier>>());
    }

    /// <summary>The publisher for the topic, with the ARM connection's credential (the managed identity in Azure).</summary>
    public static EventGridNotifier CreateEventGrid(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var endpoint = options.EventGridTopicEndpoint
            ?? throw new InvalidOperationException($"'{NotificationOptions.SectionName}:{nameof(NotificationOptions.EventGridTopicEndpoint)}' is not set.");
        // The resilience pipeline of the HttpClient retries (with jitter) and breaks the circuit; Azure.Core's own retry would repeat it.
        var clientOptions = new EventGridPublisherClientOptions
        {
            Transport = new HttpClientTransport(services.GetRequiredService<IHttpClientFactory>().CreateClient(EventGridClientName)),
        };
        clientOptions.Retry.MaxRetries = 0;
        var client = new EventGridPublisherClient(endpoint, services.GetRequiredService<ArmConnection>().Credential, clientOptions);
        return new EventGridNotifier(client, services.GetRequiredService<ILogger<EventGridNotifier>>());
    }
}
