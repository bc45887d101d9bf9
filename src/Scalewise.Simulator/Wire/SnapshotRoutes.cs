using Microsoft.AspNetCore.Http;
using Scalewise.Simulator.VirtualMachines;

namespace Scalewise.Simulator.Wire;

/// <summary>
/// Serves disk snapshots (DiskRP): GET, PUT and DELETE one, list a resource group's. PUT and DELETE answer in the estate's
/// <see cref="Estate.SnapshotForm"/> / <see cref="Estate.SnapshotDeleteForm"/>; their status URLs are Compute operation URLs.
/// </summary>
internal sealed class SnapshotRoutes(Estate estate)
{
    public async Task SnapshotAsync(HttpContext context, ArmResourceId id)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            if (!estate.TryGetSnapshot(id.Id, out var snapshot))
            {
                await RequestRouter.NotFoundAsync(context, id.Id).ConfigureAwait(false);
                return;
            }

            await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, VirtualMachineJson.Snapshot(snapshot)).ConfigureAwait(false);
        }
        else if (HttpMethods.IsDelete(method))
        {
            await DeleteAsync(context, id).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPut(method))
        {
            await PutAsync(context, id).ConfigureAwait(false);
        }
        else
        {
            await RequestRouter.MethodNotAllowedAsync(context).ConfigureAwait(false);
        }
    }

    public async Task SnapshotListAsync(HttpContext context, string subscriptionId, string resourceGroup)
    {
        var value = new JsonArray();
        foreach (var snapshot in estate.SnapshotsIn(subscriptionId, resourceGroup))
        {
            value.Add(VirtualMachineJson.Snapshot(snapshot));
        }

        await WireFormat.WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject { ["value"] = value }).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext context, ArmResourceId id)
    {
        if (!estate.TryGetSnapshot(id.Id, out var snapshot) || !estate.RemoveSnapshot(id.Id))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var form = estate.SnapshotDeleteForm;
        if (form is LongRunningForm.Synchronous200 or LongRunningForm.Synchronous204)
        {
            context.Response.StatusCode = form == LongRunningForm.Synchronous200 ? StatusCodes.Status200OK : StatusCodes.Status204NoContent;
            return;
        }

        var operation = estate.StartTimedOperation("delete", estate.SnapshotDelay, willFail: false, "DeleteFailed", "The snapshot could not be deleted.");
        var status = ResourceRoutes.ComputeStatusUrl(context, id.SubscriptionId, snapshot.Location, operation.Id);
        await LongRunningAnswers.AcceptedAsync(context, form, status, operation.GetOperation(operation.Id)!).ConfigureAwait(false);
    }

    private async Task PutAsync(HttpContext context, ArmResourceId id)
    {
        var body = await ResourceRoutes.ReadObjectAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        var location = body["location"]?.ToString();
        var creation = body["properties"]?["creationData"];
        var option = creation?["createOption"]?.ToString();
        var source = creation?["sourceResourceId"]?.ToString();
        if (string.IsNullOrWhiteSpace(location))
        {
            await RequestRouter.WriteErrorAsync(context, 400, "InvalidParameter", "A snapshot needs a location.", "location").ConfigureAwait(false);
            return;
        }

        if (!string.Equals(option, "Copy", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(source))
        {
            await RequestRouter.WriteErrorAsync(context, 400, "InvalidParameter", "The simulator makes snapshots with creationData.createOption 'Copy' and a creationData.sourceResourceId (a managed disk id) only.", "properties.creationData").ConfigureAwait(false);
            return;
        }

        var disk = estate.FindDisk(source);
        if (disk is null)
        {
            await RequestRouter.NotFoundAsync(context, source).ConfigureAwait(false);
            return;
        }

        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (body["tags"] is JsonObject tagObject)
        {
            foreach (var (key, value) in tagObject)
            {
                tags[key] = value?.ToString() ?? string.Empty;
            }
        }

        var incremental = body["properties"]?["incremental"] is JsonValue inc && inc.TryGetValue<bool>(out var b) && b;
        var willFail = ResourceRoutes.WillFail(context);
        var snapshot = estate.PutSnapshot(id, location, disk, incremental, tags, willFail);
        var operation = estate.StartTimedOperation("snapshot", snapshot.ReadyAt - snapshot.TimeCreated, willFail, "SnapshotFailed", $"The snapshot of disk '{disk.Name}' failed.");
        var status = ResourceRoutes.ComputeStatusUrl(context, id.SubscriptionId, location, operation.Id);
        estate.SetOperationResult(operation.Id, () => VirtualMachineJson.Snapshot(snapshot));
        await LongRunningAnswers.StartedAsync(context, estate.SnapshotForm, status, operation.GetOperation(operation.Id)!, VirtualMachineJson.Snapshot(snapshot)).ConfigureAwait(false);
    }
}
