using System.Text.Json.Nodes;
using Scalewise.Core.Procedures;

namespace Scalewise.Azure.Notifications;

/// <summary>
/// The webhook body: Azure autoscale's notification fields (version, status, operation, context) so existing receivers
/// keep working, plus Scalewise's own (procedureId, kind, outcome, reason, requestedBy, error, steps, and capacityReport
/// when the notification carries an emergency's post-event report); an alert has operation "Alert", status "Warning"
/// and the alerts that fired.
/// </summary>
internal static class WebhookPayload
{
    public static string Operation(ProcedureRecord procedure) =>
        procedure.ToCapacity >= procedure.FromCapacity ? "Scale Out" : "Scale In";

    /// <summary>Azure autoscale sends "Activated" when it scaled; Scalewise sends that on success and "Failed" otherwise.</summary>
    public static string Status(ProcedureRecord procedure) =>
        procedure.Outcome == ProcedureOutcome.Succeeded ? "Activated" : "Failed";

    public static JsonObject Create(ProcedureNotification notification)
    {
        var procedure = notification.Procedure;
        var (subscriptionId, resourceGroup, resourceName, resourceType) = Describe(procedure.TargetResourceId);
        var steps = new JsonArray();
        foreach (var step in procedure.Steps)
        {
            steps.Add(new JsonObject
            {
                ["name"] = step.Name,
                ["startedAt"] = step.StartedAt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
                ["endedAt"] = step.EndedAt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
                ["result"] = step.Result,
            });
        }

        var payload = new JsonObject
        {
            ["version"] = "1.0",
            ["status"] = Status(procedure),
            ["operation"] = Operation(procedure),
            ["context"] = new JsonObject
            {
                ["timestamp"] = (procedure.EndedAt ?? procedure.StartedAt).ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
                ["id"] = procedure.TargetResourceId,
                ["name"] = procedure.PolicyId,
                ["details"] = procedure.Reason,
                ["subscriptionId"] = subscriptionId,
                ["resourceGroupName"] = resourceGroup,
                ["resourceName"] = resourceName,
                ["resourceType"] = resourceType,
                ["resourceId"] = procedure.TargetResourceId,
                ["portalLink"] = notification.PortalLink,
                ["oldCapacity"] = procedure.FromCapacity.ToString(CultureInfo.InvariantCulture),
                ["newCapacity"] = procedure.ToCapacity.ToString(CultureInfo.InvariantCulture),
            },
            ["procedureId"] = procedure.InstanceId,
            ["kind"] = procedure.Kind.ToString(),
            ["outcome"] = procedure.Outcome?.ToString(),
            ["reason"] = procedure.Reason,
            ["requestedBy"] = procedure.RequestedBy,
            ["error"] = procedure.Error,
            ["steps"] = steps,
        };
        if (notification.Report is { } report)
        {
            payload["capacityReport"] = JsonSerializer.SerializeToNode(report, ScalewiseJson.Options);
        }

        return payload;
    }

    /// <summary>An alert in the same shape: operation "Alert", status "Warning", the capacity unchanged, and the alerts that fired.</summary>
    public static JsonObject Alert(AlertNotification alert)
    {
        var (subscriptionId, resourceGroup, resourceName, resourceType) = Describe(alert.TargetResourceId);
        var capacity = alert.Capacity.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["version"] = "1.0",
            ["status"] = "Warning",
            ["operation"] = "Alert",
            ["context"] = new JsonObject
            {
                ["timestamp"] = alert.At.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
                ["id"] = alert.TargetResourceId,
                ["name"] = alert.PolicyId,
                ["details"] = alert.Reason,
                ["subscriptionId"] = subscriptionId,
                ["resourceGroupName"] = resourceGroup,
                ["resourceName"] = resourceName,
                ["resourceType"] = resourceType,
                ["resourceId"] = alert.TargetResourceId,
                ["portalLink"] = alert.PortalLink,
                ["oldCapacity"] = capacity,
                ["newCapacity"] = capacity,
            },
            ["alerts"] = new JsonArray([.. alert.Alerts.Select(a => (JsonNode)JsonValue.Create(a))]),
            ["reason"] = alert.Reason,
        };
    }

    private static (string? SubscriptionId, string? ResourceGroup, string? Name, string? Type) Describe(string resourceId)
    {
        try
        {
            var id = new ResourceIdentifier(resourceId);
            return (id.SubscriptionId, id.ResourceGroupName, id.Name, id.ResourceType.ToString());
        }
        catch (FormatException)
        {
            return (null, null, null, null);
        }
    }
}
