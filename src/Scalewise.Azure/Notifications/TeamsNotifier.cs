using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Scalewise.Core.Procedures;

namespace Scalewise.Azure.Notifications;

/// <summary>
/// Posts a Teams message card per finished procedure (and per alert, in amber) to <see cref="NotificationOptions.TeamsWebhookUrl"/>: a title, the facts
/// (target, capacity from → to, outcome, reason) and a link to the target in the Azure portal.
/// </summary>
public sealed class TeamsNotifier(HttpClient httpClient, IOptions<NotificationOptions> options, ILogger<TeamsNotifier> logger) : INotifier
{
    public async Task NotifyAsync(ProcedureNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var status = await PostAsync(Card(notification), cancellationToken).ConfigureAwait(false);
        NotificationsLog.TeamsSent(logger, notification.Procedure.InstanceId, status);
    }

    public async Task NotifyAlertAsync(AlertNotification alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var status = await PostAsync(AlertCard(alert), cancellationToken).ConfigureAwait(false);
        NotificationsLog.AlertSent(logger, alert.PolicyId, "Teams", status);
    }

    /// <summary>An alert's card: amber, titled with the policy, the alerts that fired and the decision's reason.</summary>
    internal static JsonObject AlertCard(AlertNotification alert)
    {
        var title = $"Scalewise: warning on {alert.PolicyId}";
        var facts = new JsonArray
        {
            Fact("Target", alert.TargetResourceId),
            Fact("Capacity", alert.Capacity.ToString(CultureInfo.InvariantCulture) + " (unchanged)"),
            Fact("Alerts", string.Join(", ", alert.Alerts)),
            Fact("Reason", alert.Reason),
        };
        return WithPortalLink(
            new JsonObject
            {
                ["@type"] = "MessageCard",
                ["@context"] = "https://schema.org/extensions",
                ["summary"] = title,
                ["themeColor"] = "FFB900",
                ["title"] = title,
                ["sections"] = new JsonArray { new JsonObject { ["facts"] = facts } },
            },
            alert.PortalLink);
    }

    private async Task<int> PostAsync(JsonObject card, CancellationToken cancellationToken)
    {
        var url = options.Value.TeamsWebhookUrl ?? throw new InvalidOperationException($"'{NotificationOptions.SectionName}:{nameof(NotificationOptions.TeamsWebhookUrl)}' is not set.");
        HttpResponseMessage response;
        try
        {
            response = await httpClient.PostAsJsonAsync(url, card, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new NotificationFailedException($"The Teams webhook {url.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}", null, ex);
        }
        catch (Polly.ExecutionRejectedException ex)
        {
            throw new NotificationFailedException($"The Teams webhook {url.GetLeftPart(UriPartial.Authority)} was not called or did not answer in time: {ex.Message}", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationFailedException($"The Teams webhook {url.GetLeftPart(UriPartial.Authority)} did not answer in time.", null, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw new NotificationFailedException($"The Teams webhook {url.GetLeftPart(UriPartial.Authority)} answered HTTP {status} ({response.ReasonPhrase}).", status, null);
            }

            return status;
        }
    }

    /// <summary>The legacy connector "MessageCard" that Teams incoming webhooks and workflows both accept.</summary>
    internal static JsonObject Card(ProcedureNotification notification)
    {
        var procedure = notification.Procedure;
        var outcome = procedure.Outcome?.ToString() ?? "Running";
        var title = notification.Report is null
            ? $"Scalewise: {WebhookPayload.Operation(procedure).ToLowerInvariant()} of {procedure.PolicyId} {outcome.ToLowerInvariant()}"
            : $"Scalewise: capacity report after the emergency on {procedure.PolicyId}";
        var facts = new JsonArray
        {
            Fact("Target", procedure.TargetResourceId),
            Fact("Capacity", string.Create(CultureInfo.InvariantCulture, $"{procedure.FromCapacity} → {procedure.ToCapacity}")),
            Fact("Outcome", outcome),
            Fact("Reason", procedure.Reason),
            Fact("Procedure", procedure.InstanceId),
        };
        if (!string.IsNullOrEmpty(procedure.Error))
        {
            facts.Add(Fact("Error", procedure.Error));
        }

        if (notification.Report is { } report)
        {
            facts.Add(Fact("Capacity report", report.Summary));
            facts.Add(Fact("Recommended bounds", string.Create(CultureInfo.InvariantCulture, $"minimum {report.RecommendedMinimum}, maximum {report.RecommendedMaximum} (policy {report.Minimum} to {report.Maximum})")));
        }

        var card = new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = title,
            ["themeColor"] = procedure.Outcome == ProcedureOutcome.Succeeded ? "2EB886" : "D13438",
            ["title"] = title,
            ["sections"] = new JsonArray { new JsonObject { ["facts"] = facts } },
        };
        return WithPortalLink(card, notification.PortalLink);
    }

    private static JsonObject WithPortalLink(JsonObject card, string? portalLink)
    {
        if (!string.IsNullOrEmpty(portalLink))
        {
            card["potentialAction"] = new JsonArray
            {
                new JsonObject
                {
                    ["@type"] = "OpenUri",
                    ["name"] = "Open in the Azure portal",
                    ["targets"] = new JsonArray { new JsonObject { ["os"] = "default", ["uri"] = portalLink } },
                },
            };
        }

        return card;
    }

    private static JsonObject Fact(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
