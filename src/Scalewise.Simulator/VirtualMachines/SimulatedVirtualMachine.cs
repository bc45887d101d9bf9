using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.Load;

namespace Scalewise.Simulator.VirtualMachines;

/// <summary>
/// A single VM (<c>Microsoft.Compute/virtualMachines</c>) with an OS disk and data disks, a size, a power state, and one
/// operation at a time (resize, deallocate, start). A resize of a running VM restarts it: it stops serving until the resize
/// is done. State moves forward lazily on each read, stamped with the time it became due.
/// </summary>
public sealed class SimulatedVirtualMachine : IOperationSource, IMetricSource
{
    public const string PercentageCpu = "Percentage CPU";

    internal static readonly MetricCatalog Metrics = new(
        "Microsoft.Compute/virtualMachines",
        [new MetricDescription(PercentageCpu, "Percent", "The percentage of allocated compute units that are currently in use by the Virtual Machine(s)")]);

    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Action<string, IOperationSource> registerOperation;
    private readonly List<(DateTimeOffset At, string Size, bool Serving)> timeline = [];
    private readonly LoadTimeline offered = new();
    private readonly List<SimulatedOperation> operations = [];
    private SimulatedOperation? current;
    private string? pendingSize;
    private string size;
    private string powerState = PowerStates.Running;
    private string provisioningState = ProvisioningStates.Succeeded;

    internal SimulatedVirtualMachine(ArmResourceId id, VirtualMachineModel model, TimeProvider timeProvider, ILogger logger, Action<string, IOperationSource> registerOperation)
    {
        ParsedId = id;
        Model = model;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.registerOperation = registerOperation;
        size = VmSize.Find(model.Size)!.Name;
        TimeCreated = timeProvider.GetUtcNow();
        timeline.Add((DateTimeOffset.MinValue, size, true));
        var diskPrefix = $"{id.ResourceGroupPrefix}/Microsoft.Compute/disks/";
        var disks = new List<SimulatedDisk> { new(diskPrefix + id.Name + "_OsDisk_1", id.Name + "_OsDisk_1", null, 30, Guid.NewGuid().ToString()) };
        for (var lun = 0; lun < model.DataDiskCount; lun++)
        {
            var name = $"{id.Name}_DataDisk_{lun}";
            disks.Add(new SimulatedDisk(diskPrefix + name, name, lun, model.DiskSizeGB, Guid.NewGuid().ToString()));
        }

        Disks = disks;
    }

    public string ResourceId => ParsedId.Id;

    public string Name => ParsedId.Name;

    public string ResourceGroup => ParsedId.ResourceGroup;

    public string SubscriptionId => ParsedId.SubscriptionId;

    public string Location => Model.Location;

    public VirtualMachineModel Model { get; }

    public string VmId { get; } = Guid.NewGuid().ToString();

    public DateTimeOffset TimeCreated { get; }

    /// <summary>The OS disk first, then data disks by LUN.</summary>
    public IReadOnlyList<SimulatedDisk> Disks { get; }

    public string Size => Read(() => size);

    public string PowerState => Read(() => powerState);

    public string ProvisioningState => Read(() => provisioningState);

    MetricCatalog IMetricSource.Catalog => Metrics;

    internal ArmResourceId ParsedId { get; }

    /// <summary>The sizes <c>vmSizes</c> lists now: the model's cluster while allocated, the whole catalog while deallocated.</summary>
    public IReadOnlyList<VmSize> AvailableSizes()
    {
        var state = PowerState;
        if (state == PowerStates.Deallocated)
        {
            return VmSize.Catalog;
        }

        return [.. (Model.AvailableSizes ?? VirtualMachineModel.DefaultAvailableSizes).Select(n => VmSize.Find(n)!)];
    }

    /// <summary>Sets the offered load from now on; the first profile set also stands for all earlier time.</summary>
    public void SetLoad(ILoadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (gate)
        {
            offered.Set(profile, timeProvider.GetUtcNow());
        }
    }

    /// <summary>Percentage CPU at <paramref name="time"/>: 0 unless running.</summary>
    public double CpuPercentAt(DateTimeOffset time)
    {
        lock (gate)
        {
            AdvanceLocked();
            var at = timeline.FindLast(t => t.At <= time);
            if (at == default || !at.Serving)
            {
                return 0;
            }

            var cores = VmSize.Find(at.Size)!.NumberOfCores;
            var load = offered.RequestsPerSecondAt(time);
            return Math.Min(100, Model.BaselineCpuPercent + (100 * load / (cores * Model.RequestsPerSecondPerCore)));
        }
    }

    double IMetricSource.ValueAt(string metric, DateTimeOffset time) => CpuPercentAt(time);

    public OperationSnapshot? GetOperation(string operationId)
    {
        lock (gate)
        {
            AdvanceLocked();
            return operations.Find(o => o.Id.Equals(operationId, StringComparison.OrdinalIgnoreCase))?.Snapshot();
        }
    }

    internal SimulatedOperation? RequestResize(string requested, bool willFail)
    {
        var known = VmSize.Find(requested)
            ?? throw new ArmRefusalException(400, "InvalidParameter", $"The value {requested} provided for the VM size is not valid. Valid sizes: {string.Join(", ", VmSize.Catalog.Select(s => s.Name))}.", "hardwareProfile.vmSize");
        var available = AvailableSizes();
        lock (gate)
        {
            AdvanceLocked();
            ThrowIfBusyLocked("resize");
            if (known.Name == size)
            {
                return null;
            }

            if (!available.Any(s => s.Name == known.Name))
            {
                throw new ArmRefusalException(
                    409,
                    "OperationNotAllowed",
                    $"Unable to resize the VM '{Name}' because the requested size {known.Name} is not available in the current hardware cluster. The available sizes in this cluster are: {string.Join(", ", available.Select(s => s.Name))}. Deallocate the VM to resize to a size outside this list.");
            }

            pendingSize = known.Name;
            provisioningState = ProvisioningStates.Updating;
            if (powerState == PowerStates.Running)
            {
                // A running VM restarts to take a new size.
                powerState = PowerStates.Starting;
                timeline.Add((timeProvider.GetUtcNow(), size, false));
            }

            return StartLocked("resize", Model.ResizeDelay, willFail);
        }
    }

    internal SimulatedOperation? RequestDeallocate(bool willFail)
    {
        lock (gate)
        {
            AdvanceLocked();
            ThrowIfBusyLocked("deallocate");
            if (powerState == PowerStates.Deallocated)
            {
                return null;
            }

            powerState = PowerStates.Deallocating;
            timeline.Add((timeProvider.GetUtcNow(), size, false));
            return StartLocked("deallocate", Model.PowerDelay, willFail);
        }
    }

    internal SimulatedOperation? RequestStart(bool willFail)
    {
        lock (gate)
        {
            AdvanceLocked();
            ThrowIfBusyLocked("start");
            if (powerState == PowerStates.Running)
            {
                return null;
            }

            powerState = PowerStates.Starting;
            return StartLocked("start", Model.PowerDelay, willFail);
        }
    }

    private SimulatedOperation StartLocked(string kind, TimeSpan delay, bool willFail)
    {
        var now = timeProvider.GetUtcNow();
        var operation = new SimulatedOperation(kind, now, now + delay, willFail);
        operations.Add(operation);
        current = operation;
        registerOperation(operation.Id, this);
        SimulatorLog.OperationStarted(logger, ResourceId, kind, operation.Id);
        return operation;
    }

    private void ThrowIfBusyLocked(string requested)
    {
        if (current is { IsRunning: true } running)
        {
            throw new ArmRefusalException(409, "OperationNotAllowed", $"Operation '{requested}' is not allowed on VM '{Name}' since another operation ('{running.Kind}') is in progress. Retry after it completes.");
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (gate)
        {
            AdvanceLocked();
            return read();
        }
    }

    private void AdvanceLocked()
    {
        if (current is not { IsRunning: true } operation || operation.DueAt > timeProvider.GetUtcNow())
        {
            return;
        }

        var at = operation.DueAt;
        operation.Finish("VMOperationFailed", $"The '{operation.Kind}' operation on VM '{Name}' failed.");
        var failed = operation.Status == ProvisioningStates.Failed;
        switch (operation.Kind)
        {
            case "resize":
                var wasRunning = powerState == PowerStates.Starting;
                if (!failed)
                {
                    size = pendingSize!;
                }

                powerState = wasRunning ? PowerStates.Running : PowerStates.Deallocated;
                if (wasRunning)
                {
                    timeline.Add((at, size, true));
                }

                break;
            case "deallocate":
                powerState = failed ? PowerStates.Running : PowerStates.Deallocated;
                if (failed)
                {
                    timeline.Add((at, size, true));
                }

                break;
            default:
                powerState = failed ? PowerStates.Deallocated : PowerStates.Running;
                if (!failed)
                {
                    timeline.Add((at, size, true));
                }

                break;
        }

        pendingSize = null;
        provisioningState = failed ? ProvisioningStates.Failed : ProvisioningStates.Succeeded;
    }
}
