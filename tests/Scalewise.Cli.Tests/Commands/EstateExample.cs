using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scalewise.Simulator.Hosting;
using Scalewise.Tests;

namespace Scalewise.Cli.Tests.Commands;

/// <summary>
/// One official example request (tests/contracts/azure/examples) aimed at the demo estate: its path with the subscription,
/// resource group and name of the demo resource of its type, its query parameters, its body, and the api-version of the
/// definition the simulator serves (the examples come from newer api-versions than the definitions the adapters use).
/// </summary>
internal sealed record EstateExample(string File, string Method, string Path, string ApiVersion, string? BodyParameter = null)
{
    private const string Compute = "2023-07-01";
    private const string Disk = "2023-04-02";
    private const string Redis = "2024-11-01";
    private const string Enterprise = "2025-08-01";
    private const string Monitor = "2024-02-01";
    private const string Metrics = "/providers/Microsoft.Insights/metrics";
    private const string Batch = "/subscriptions/" + DemoEstate.SubscriptionId + "/metrics:getBatch";

    /// <summary>Example parameters that are in the path (or the data-plane host), never in the query.</summary>
    private static readonly HashSet<string> PathParameters = new(StringComparer.Ordinal)
    {
        "api-version", "subscriptionId", "resourceGroupName", "name", "vmName", "vmScaleSetName", "virtualMachineScaleSetName",
        "snapshotName", "clusterName", "location", "operationId", "resourceUri", "baseUrl",
    };

    /// <summary>The examples whose operation the simulator serves, in an order where each finds the estate as it needs it.</summary>
    public static IReadOnlyList<EstateExample> Served { get; } =
    [
        new("compute/VirtualMachineScaleSet_Get_WithDiskControllerType.json", "GET", DemoEstate.ScaleSetId, Compute),
        new("compute/VirtualMachineScaleSetVM_List_WithVirtualMachineResourceId.json", "GET", DemoEstate.ScaleSetId + "/virtualMachines", Compute),
        new("compute/VirtualMachineScaleSet_Update_MinimumSet_Gen.json", "PATCH", DemoEstate.ScaleSetId, Compute, "parameters"),
        new("compute/VirtualMachine_Get.json", "GET", DemoEstate.VirtualMachineId, Compute),
        new("compute/VirtualMachine_ListAvailableVmSizes.json", "GET", DemoEstate.VirtualMachineId + "/vmSizes", Compute),
        new("compute/VirtualMachine_Update_DetachDataDiskUsingToBeDetachedProperty.json", "PATCH", DemoEstate.VirtualMachineId, Compute, "parameters"),
        new("compute/VirtualMachine_Deallocate_MaximumSet_Gen.json", "POST", DemoEstate.VirtualMachineId + "/deallocate", Compute),
        new("compute/VirtualMachine_Start_MaximumSet_Gen.json", "POST", DemoEstate.VirtualMachineId + "/start", Compute),
        new("compute/Snapshot_Get.json", "GET", DemoEstate.SnapshotId, Disk),
        new("compute/Snapshot_GetIncrementalSnapshot.json", "GET", DemoEstate.SnapshotId, Disk),
        new("compute/Snapshot_Create_FromAnExistingSnapshot.json", "PUT", DemoEstate.SnapshotId + "-copy", Disk, "snapshot"),
        new("compute/Snapshot_Delete.json", "DELETE", DemoEstate.SnapshotId + "-copy", Disk),
        new("redis/RedisCacheGet.json", "GET", DemoEstate.RedisCacheId, Redis),
        new("redis/RedisCacheList.json", "GET", $"/subscriptions/{DemoEstate.SubscriptionId}/providers/Microsoft.Cache/redis", Redis),
        new("redis/RedisCacheUpdate.json", "PATCH", DemoEstate.RedisCacheId, Redis, "parameters"),
        new("redis/RedisCacheExport.json", "POST", DemoEstate.RedisCacheId + "/export", Redis, "parameters"),
        new("redis/RedisCacheAsyncOperationStatus.json", "GET", "{export status}", Redis),
        new("redisenterprise/RedisEnterpriseGet.json", "GET", DemoEstate.RedisEnterpriseId, Enterprise),
        new("redisenterprise/RedisEnterpriseListSkusForScaling.json", "POST", DemoEstate.RedisEnterpriseId + "/listSkusForScaling", Enterprise),
        new("redisenterprise/RedisEnterpriseUpdate.json", "PATCH", DemoEstate.RedisEnterpriseId, Enterprise, "parameters"),
        new("monitor/GetMetric.json", "GET", DemoEstate.BlobServiceId + Metrics, Monitor),
        new("monitor/GetMetricError.json", "GET", DemoEstate.CosmosAccountId + Metrics, Monitor),
        new("monitor-dataplane/MetricBatchExample.json", "POST", Batch, Monitor, "batchRequest"),
        new("monitor-dataplane/MetricBatchExample2.json", "POST", Batch, Monitor, "batchRequest"),
    ];

    /// <summary>Examples of operations outside the definitions the simulator serves (metric definitions, autoscale settings).</summary>
    public static IReadOnlyList<(string File, string Path)> NotServed { get; } =
    [
        ("monitor/GetMetricDefinitions.json", DemoEstate.ScaleSetId + "/providers/Microsoft.Insights/metricDefinitions?api-version=2024-02-01"),
        ("monitor/getAutoscaleSetting.json", $"/subscriptions/{DemoEstate.SubscriptionId}/resourceGroups/{DemoEstate.ResourceGroup}/providers/Microsoft.Insights/autoscalesettings/demo?api-version=2022-10-01"),
        ("monitor/createOrUpdateAutoscaleSetting.json", $"/subscriptions/{DemoEstate.SubscriptionId}/resourceGroups/{DemoEstate.ResourceGroup}/providers/Microsoft.Insights/autoscalesettings/demo?api-version=2022-10-01"),
        ("monitor/GetPredictiveMetric.json", $"/subscriptions/{DemoEstate.SubscriptionId}/resourceGroups/{DemoEstate.ResourceGroup}/providers/Microsoft.Insights/autoscalesettings/demo/predictiveMetrics?api-version=2022-10-01"),
    ];

    public JsonObject Document { get; } = JsonNode.Parse(System.IO.File.ReadAllText(RepositoryFiles.RestExample(File)))!.AsObject();

    /// <summary>The statuses the example documents (the keys of its responses, <c>default</c> left out).</summary>
    public IReadOnlyList<int> Statuses =>
        [.. Document["responses"]!.AsObject().Select(r => r.Key).Where(k => k != "default").Select(k => int.Parse(k, CultureInfo.InvariantCulture))];

    /// <summary>The request, with the demo resource in place of the example's; <paramref name="exportStatus"/> is the export's status URL path.</summary>
    public HttpRequestMessage Request(string? exportStatus)
    {
        var parameters = Document["parameters"]!.AsObject();
        var path = Path == "{export status}" ? exportStatus ?? throw new InvalidOperationException("Send the export example first.") : Path;
        var query = new StringBuilder($"api-version={ApiVersion}");
        foreach (var (name, value) in parameters.Where(p => !PathParameters.Contains(p.Key) && p.Key != BodyParameter))
        {
            var text = value!.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            query.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(text));
        }

        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(path.TrimStart('/') + "?" + query, UriKind.Relative));
        if (BodyParameter is not null)
        {
            var body = parameters[BodyParameter]!.DeepClone();
            RetargetBody(body);
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Ids inside bodies name the demo estate's resources too: the disk a snapshot copies, the resources a batch reads.</summary>
    private static void RetargetBody(JsonNode body)
    {
        if (body["properties"]?["creationData"] is JsonObject creation && creation["sourceResourceId"] is not null)
        {
            creation["sourceResourceId"] = DemoEstate.VirtualMachineId.Replace("virtualMachines/vm-app", "disks/vm-app_OsDisk_1", StringComparison.Ordinal);
        }

        if (body["resourceids"] is JsonArray ids)
        {
            var redis = ids.Any(i => i!.GetValue<string>().Contains("Microsoft.Cache/Redis", StringComparison.OrdinalIgnoreCase));
            body["resourceids"] = new JsonArray(redis ? DemoEstate.RedisCacheId : DemoEstate.StorageAccountId);
        }
    }
}
