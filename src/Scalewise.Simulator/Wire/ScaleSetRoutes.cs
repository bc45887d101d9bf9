using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Wire;

/// <summary>The requests on one scale set: GET and PATCH of the scale set, and its instances as VMs and instance views.</summary>
internal static class ScaleSetRoutes
{
    private const int MaxCapacity = 1000;

    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);

    public static async Task ScaleSetAsync(HttpContext context, Estate estate, SimulatedScaleSet scaleSet, string[] rest)
    {
        var method = context.Request.Method;
        switch (rest.Length)
        {
            case 0 when HttpMethods.IsGet(method):
                await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, ScaleSetJson.ScaleSet(scaleSet, scaleSet.Snapshot())).ConfigureAwait(false);
                return;
            case 0 when HttpMethods.IsPatch(method):
                await PatchScaleSetAsync(context, estate, scaleSet).ConfigureAwait(false);
                return;
            case 1 when Is(rest[0], "virtualMachines"):
                await RequestRouter.RequireMethod(context, HttpMethods.Get, () => ListVirtualMachinesAsync(context, scaleSet)).ConfigureAwait(false);
                return;
            case 2 when Is(rest[0], "virtualMachines"):
                await RequestRouter.RequireMethod(context, HttpMethods.Get, () => VirtualMachineAsync(context, scaleSet, rest[1], instanceViewOnly: false)).ConfigureAwait(false);
                return;
            case 3 when Is(rest[0], "virtualMachines") && Is(rest[2], "instanceView"):
                await RequestRouter.RequireMethod(context, HttpMethods.Get, () => VirtualMachineAsync(context, scaleSet, rest[1], instanceViewOnly: true)).ConfigureAwait(false);
                return;
            case 0:
                await RequestRouter.MethodNotAllowedAsync(context).ConfigureAwait(false);
                return;
            default:
                await RequestRouter.NotFoundAsync(context, context.Request.Path.Value ?? string.Empty).ConfigureAwait(false);
                return;
        }
    }

    private static async Task PatchScaleSetAsync(HttpContext context, Estate estate, SimulatedScaleSet scaleSet)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        JsonNode? body;
        try
        {
            // An empty PATCH body is the same as {} (change nothing).
            body = string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            await WireFormat.WriteArmErrorAsync(
                context,
                StatusCodes.Status400BadRequest,
                "InvalidRequestContent",
                $"The request content was invalid and could not be deserialized: '{ex.Message}'.").ConfigureAwait(false);
            return;
        }

        if (body is not JsonObject root)
        {
            await WireFormat.WriteArmErrorAsync(
                context,
                StatusCodes.Status400BadRequest,
                "InvalidRequestContent",
                "The request content must be a JSON object, e.g. {\"sku\":{\"capacity\":3}}.").ConfigureAwait(false);
            return;
        }

        int? capacity = null;
        if (root.TryGetPropertyValue("sku", out var sku) && sku is not null)
        {
            if (sku is not JsonObject skuObject)
            {
                await InvalidParameterAsync(context, "sku", "The value of parameter sku is invalid: it must be an object such as {\"capacity\":3}.").ConfigureAwait(false);
                return;
            }

            if (skuObject.TryGetPropertyValue("capacity", out var capacityNode) && capacityNode is not null)
            {
                if (capacityNode is not JsonValue value || !value.TryGetValue<long>(out var requested) || requested < 0 || requested > MaxCapacity)
                {
                    await InvalidParameterAsync(
                        context,
                        "sku.capacity",
                        string.Create(CultureInfo.InvariantCulture, $"The value '{capacityNode.ToJsonString()}' of parameter sku.capacity is invalid: it must be a whole number from 0 to {MaxCapacity}.")).ConfigureAwait(false);
                    return;
                }

                capacity = (int)requested;
            }
        }

        var operation = scaleSet.SetCapacity(capacity ?? scaleSet.Capacity);
        var status = ResourceRoutes.ComputeStatusUrl(context, scaleSet.SubscriptionId, scaleSet.Model.Location, operation.Id);
        estate.SetOperationResult(operation.Id, () => ScaleSetJson.ScaleSet(scaleSet, scaleSet.Snapshot()));
        await LongRunningAnswers.StartedAsync(context, scaleSet.Model.UpdateForm, status, estate.GetOperation(operation.Id)!, ScaleSetJson.ScaleSet(scaleSet, scaleSet.Snapshot())).ConfigureAwait(false);
    }

    private static Task InvalidParameterAsync(HttpContext context, string target, string message) =>
        WireFormat.WriteArmErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidParameter", message, target);

    private static async Task ListVirtualMachinesAsync(HttpContext context, SimulatedScaleSet scaleSet)
    {
        var expand = context.Request.Query["$expand"].ToString();
        var withInstanceView = expand.Contains("instanceView", StringComparison.OrdinalIgnoreCase);
        var list = new JsonArray();
        foreach (var instance in scaleSet.Snapshot().Instances)
        {
            list.Add(scaleSet.Model.Flexible ? FlexVirtualMachineJson.ListEntry(scaleSet, instance) : ScaleSetJson.VirtualMachine(scaleSet, instance, withInstanceView));
        }

        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["value"] = list }).ConfigureAwait(false);
    }

    /// <summary>A Flexible scale set's instance as its own VM: GET (with <c>$expand=instanceView</c>) and GET <c>instanceView</c>.</summary>
    public static async Task FlexVirtualMachineAsync(HttpContext context, SimulatedScaleSet scaleSet, string instanceId, string[] rest)
    {
        var instance = scaleSet.Snapshot().Instances.FirstOrDefault(i => i.InstanceId == instanceId);
        if (instance is null || rest.Length > 1 || (rest.Length == 1 && !Is(rest[0], "instanceView")))
        {
            await RequestRouter.NotFoundAsync(context, context.Request.Path.Value ?? string.Empty).ConfigureAwait(false);
            return;
        }

        var expand = context.Request.Query["$expand"].ToString().Contains("instanceView", StringComparison.OrdinalIgnoreCase);
        await RequestRouter.RequireMethod(context, HttpMethods.Get, () => WireFormat.WriteJsonAsync(
            context,
            StatusCodes.Status200OK,
            rest.Length == 1 ? ScaleSetJson.InstanceView(scaleSet, instance) : FlexVirtualMachineJson.VirtualMachine(scaleSet, instance, expand))).ConfigureAwait(false);
    }

    private static async Task VirtualMachineAsync(HttpContext context, SimulatedScaleSet scaleSet, string instanceId, bool instanceViewOnly)
    {
        var instance = scaleSet.Snapshot().Instances.FirstOrDefault(i => i.InstanceId == instanceId);
        if (instance is null)
        {
            await RequestRouter.NotFoundAsync(context, $"{scaleSet.ResourceId}/virtualMachines/{instanceId}").ConfigureAwait(false);
            return;
        }

        var expand = context.Request.Query["$expand"].ToString().Contains("instanceView", StringComparison.OrdinalIgnoreCase);
        JsonNode body = instanceViewOnly
            ? ScaleSetJson.InstanceView(scaleSet, instance)
            : ScaleSetJson.VirtualMachine(scaleSet, instance, expand);
        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, body).ConfigureAwait(false);
    }
}
