namespace Scalewise.Azure.Notifications;

/// <summary>Where procedure notifications go; bound from the configuration section <c>Scalewise:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Scalewise:Notifications";

    /// <summary>The webhook that receives a JSON POST per finished procedure; null writes a log line instead.</summary>
    public Uri? WebhookUrl { get; set; }
}
