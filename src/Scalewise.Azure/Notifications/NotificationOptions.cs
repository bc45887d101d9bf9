namespace Scalewise.Azure.Notifications;

/// <summary>Where procedure notifications go (every channel that is set); bound from the configuration section <c>Scalewise:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Scalewise:Notifications";

    /// <summary>The webhook that receives a JSON POST per finished procedure; null writes a log line instead.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>An Event Grid custom topic (https://&lt;topic&gt;.&lt;region&gt;-1.eventgrid.azure.net/api/events, CloudEvents 1.0 schema), reached with the managed identity.</summary>
    public Uri? EventGridTopicEndpoint { get; set; }

    /// <summary>A Teams incoming webhook (or a Power Automate workflow URL) that receives a message card per finished procedure.</summary>
    public Uri? TeamsWebhookUrl { get; set; }
}
