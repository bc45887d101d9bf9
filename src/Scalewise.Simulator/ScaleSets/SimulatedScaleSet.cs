using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.Load;

namespace Scalewise.Simulator.ScaleSets;

/// <summary>
/// A virtual machine scale set whose instances take <see cref="ScaleSetModel.ProvisioningDelay"/> to come up
/// and whose CPU follows the offered load. State moves forward lazily: every read first applies whatever
/// became due on the <see cref="TimeProvider"/>, stamped with the time it became due, so history is exact
/// however rarely the simulator is asked.
/// </summary>
public sealed class SimulatedScaleSet
{
    private const int SamplesPerMinute = 6;

    private readonly Lock gate = new();
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Action<ScaleOperation> registerOperation;
    private readonly List<InstanceRecord> instances = [];
    private readonly ReadyTimeline readyTimeline;
    private readonly LoadTimeline offered = new();
    private readonly List<ScaleOperation> operations = [];
    private bool failNextProvisioning;
    private int nextInstanceId;
    private ScaleOperation? currentOperation;
    private string provisioningState = ProvisioningStates.Succeeded;

    internal SimulatedScaleSet(
        ScaleSetResourceId id,
        int capacity,
        ScaleSetModel model,
        TimeProvider timeProvider,
        ILogger logger,
        Action<ScaleOperation> registerOperation)
    {
        ParsedId = id;
        Model = model;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.registerOperation = registerOperation;
        TimeCreated = timeProvider.GetUtcNow();
        for (var i = 0; i < capacity; i++)
        {
            instances.Add(new InstanceRecord(nextInstanceId++, ProvisioningStates.Succeeded, null));
        }

        // The initial capacity and load stand for all time before creation, so history is never empty.
        readyTimeline = new ReadyTimeline(capacity);
    }

    public string ResourceId => ParsedId.Id;

    public string SubscriptionId => ParsedId.SubscriptionId;

    public string ResourceGroup => ParsedId.ResourceGroup;

    public string Name => ParsedId.Name;

    public ScaleSetModel Model { get; }

    public string UniqueId { get; } = Guid.NewGuid().ToString();

    public DateTimeOffset TimeCreated { get; }

    /// <summary>Desired capacity (<c>sku.capacity</c>): every instance not being deleted, Failed ones included.</summary>
    public int Capacity
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return DesiredCapacityLocked();
            }
        }
    }

    /// <summary>Instances provisioned (Succeeded) now; only these serve load.</summary>
    public int ReadyInstances
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return readyTimeline.Current;
            }
        }
    }

    public string ProvisioningState
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return provisioningState;
            }
        }
    }

    public IReadOnlyList<SimulatedInstance> Instances
    {
        get
        {
            lock (gate)
            {
                AdvanceLocked();
                return [.. instances.Select(i => new SimulatedInstance(i.InstanceId, i.State))];
            }
        }
    }

    /// <summary>The id of the latest scale operation, if any.</summary>
    public string? LatestOperationId
    {
        get
        {
            lock (gate)
            {
                return currentOperation?.Id;
            }
        }
    }

    internal ScaleSetResourceId ParsedId { get; }

    /// <summary>
    /// Sets the offered load from now on. The first profile ever set also stands for the time before it
    /// (the scale set starts with no load), so metric history is never made of an artificial zero.
    /// </summary>
    public void SetLoad(ILoadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (gate)
        {
            offered.Set(profile, timeProvider.GetUtcNow());
        }
    }

    /// <summary>
    /// Fault: the next scale-out's new instances end in provisioning state Failed (they count towards
    /// capacity but never serve). The scale set itself still reaches Succeeded; the operation reports Failed.
    /// </summary>
    public void FailNextProvisioning()
    {
        lock (gate)
        {
            failNextProvisioning = true;
        }

        SimulatorLog.FaultArmed(logger, ResourceId);
    }

    /// <summary>Requests per second offered at <paramref name="time"/>.</summary>
    public double RequestsPerSecondAt(DateTimeOffset time)
    {
        lock (gate)
        {
            return LoadAtLocked(time);
        }
    }

    /// <summary>Instances that were serving at <paramref name="time"/> (as far as the simulator knows now).</summary>
    public int ReadyInstancesAt(DateTimeOffset time)
    {
        lock (gate)
        {
            AdvanceLocked();
            return ReadyAtLocked(time);
        }
    }

    /// <summary>Average CPU across serving instances at <paramref name="time"/>: min(100, baseline + 100 × load / (ready × rps per instance)).</summary>
    public double CpuPercentAt(DateTimeOffset time)
    {
        lock (gate)
        {
            AdvanceLocked();
            return CpuLocked(LoadAtLocked(time), ReadyAtLocked(time));
        }
    }

    /// <summary>Requests a new desired capacity, as an ARM PATCH of <c>sku.capacity</c> would; returns the operation id.</summary>
    public string RequestCapacity(int capacity) => SetCapacity(capacity).Id;

    /// <summary>What the operation's status URL reports now, or null if this scale set never ran it.</summary>
    public OperationSnapshot? GetOperation(string operationId)
    {
        lock (gate)
        {
            AdvanceLocked();
            var operation = operations.Find(o => o.Id.Equals(operationId, StringComparison.OrdinalIgnoreCase));
            return operation is null
                ? null
                : new OperationSnapshot(operation.Id, operation.Status, operation.StartTime, operation.EndTime, operation.ErrorCode, operation.ErrorMessage);
        }
    }

    internal ScaleOperation SetCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ScaleOperation operation;
        int from;
        lock (gate)
        {
            AdvanceLocked();
            var now = timeProvider.GetUtcNow();
            from = DesiredCapacityLocked();
            if (capacity == from && currentOperation is { Status: ProvisioningStates.InProgress } running)
            {
                return running;
            }

            if (currentOperation is { Status: ProvisioningStates.InProgress } superseded)
            {
                // Real ARM restarts a scale set's update with the newest model; the old operation is canceled.
                superseded.Status = ProvisioningStates.Canceled;
                superseded.EndTime = now;
            }

            var dueAt = now + Model.ProvisioningDelay;
            operation = new ScaleOperation(Guid.NewGuid().ToString(), this, now, dueAt);
            operation.NewInstances.AddRange(instances.Where(i => i.State == ProvisioningStates.Creating));
            if (capacity > from)
            {
                var fail = failNextProvisioning;
                failNextProvisioning = false;
                for (var i = from; i < capacity; i++)
                {
                    var instance = new InstanceRecord(nextInstanceId++, ProvisioningStates.Creating, dueAt) { WillFail = fail };
                    instances.Add(instance);
                    operation.NewInstances.Add(instance);
                }
            }
            else if (capacity < from)
            {
                ScaleInLocked(from - capacity, now, dueAt);
            }

            var pending = instances.Exists(i => i.DueAt is not null);
            if (pending)
            {
                provisioningState = ProvisioningStates.Updating;
            }
            else
            {
                operation.Status = ProvisioningStates.Succeeded;
                operation.EndTime = now;
                provisioningState = ProvisioningStates.Succeeded;
            }

            currentOperation = operation;
            operations.Add(operation);
        }

        registerOperation(operation);
        SimulatorLog.CapacityRequested(logger, ResourceId, from, capacity, operation.Id);
        return operation;
    }

    internal ScaleSetSnapshot Snapshot()
    {
        lock (gate)
        {
            AdvanceLocked();
            return new ScaleSetSnapshot(
                DesiredCapacityLocked(),
                provisioningState,
                [.. instances.Select(i => new InstanceSnapshot(i.InstanceId, i.State, i.VmId))]);
        }
    }

    /// <summary>Measurements over the minute starting at <paramref name="minuteStart"/>, sampled every 10 s.</summary>
    internal MinuteSample SampleMinute(DateTimeOffset minuteStart)
    {
        lock (gate)
        {
            AdvanceLocked();
            double sum = 0, min = double.MaxValue, max = double.MinValue, requests = 0;
            var ready = 0;
            var step = TimeSpan.FromMinutes(1) / SamplesPerMinute;
            for (var k = 0; k < SamplesPerMinute; k++)
            {
                var t = minuteStart + (step * k);
                var load = LoadAtLocked(t);
                ready = ReadyAtLocked(t);
                var cpu = CpuLocked(load, ready);
                sum += cpu;
                min = Math.Min(min, cpu);
                max = Math.Max(max, cpu);
                requests += load * step.TotalSeconds;
            }

            return new MinuteSample(sum / SamplesPerMinute, min, max, SamplesPerMinute, requests, ready);
        }
    }

    private void ScaleInLocked(int count, DateTimeOffset now, DateTimeOffset dueAt)
    {
        // Remove what serves least first: instances still being created, then failed ones, then the newest ready ones.
        var victims = instances
            .Where(i => i.State != ProvisioningStates.Deleting)
            .OrderBy(i => i.State switch
            {
                ProvisioningStates.Creating => 0,
                ProvisioningStates.Failed => 1,
                _ => 2,
            })
            .ThenByDescending(i => i.Id)
            .Take(count)
            .ToList();
        var readyLost = 0;
        foreach (var victim in victims)
        {
            if (victim.State == ProvisioningStates.Creating)
            {
                instances.Remove(victim);
                continue;
            }

            if (victim.State == ProvisioningStates.Succeeded)
            {
                readyLost++;
            }

            // Instances being deleted stop serving at once and disappear when the operation ends.
            victim.State = ProvisioningStates.Deleting;
            victim.DueAt = dueAt;
        }

        if (readyLost > 0)
        {
            readyTimeline.Change(now, -readyLost);
        }
    }

    private void AdvanceLocked()
    {
        var now = timeProvider.GetUtcNow();
        var due = instances.Where(i => i.DueAt <= now).OrderBy(i => i.DueAt).ThenBy(i => i.Id).ToList();
        foreach (var instance in due)
        {
            var at = instance.DueAt!.Value;
            instance.DueAt = null;
            if (instance.State == ProvisioningStates.Deleting)
            {
                instances.Remove(instance);
            }
            else if (instance.WillFail)
            {
                instance.State = ProvisioningStates.Failed;
            }
            else
            {
                instance.State = ProvisioningStates.Succeeded;
                readyTimeline.Change(at, 1);
            }
        }

        if (currentOperation is { Status: ProvisioningStates.InProgress } operation && operation.DueAt <= now)
        {
            var failed = operation.NewInstances.Where(i => i.State == ProvisioningStates.Failed).Select(i => i.InstanceId).ToList();
            operation.EndTime = operation.DueAt;
            if (failed.Count > 0)
            {
                operation.Status = ProvisioningStates.Failed;
                operation.ErrorCode = "VMProvisioningFailed";
                operation.ErrorMessage = $"{failed.Count} new instance(s) failed to provision: instance ids {string.Join(", ", failed)}.";
            }
            else
            {
                operation.Status = ProvisioningStates.Succeeded;
            }

            // Like a real partial failure, the scale set itself still ends Succeeded.
            provisioningState = ProvisioningStates.Succeeded;
            SimulatorLog.OperationEnded(logger, ResourceId, operation.Id, operation.Status, readyTimeline.Current);
        }
    }

    private int DesiredCapacityLocked() => instances.Count(i => i.State != ProvisioningStates.Deleting);

    private int ReadyAtLocked(DateTimeOffset time) => readyTimeline.At(time);

    private double LoadAtLocked(DateTimeOffset time) => offered.RequestsPerSecondAt(time);

    private double CpuLocked(double load, int ready) => Model.CpuPercent(load, ready);
}
