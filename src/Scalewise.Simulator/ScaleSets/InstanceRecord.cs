namespace Scalewise.Simulator.ScaleSets;

/// <summary>Mutable state of one instance; guarded by its scale set's lock.</summary>
internal sealed class InstanceRecord(int id, string state, DateTimeOffset? dueAt)
{
    public int Id { get; } = id;

    public string InstanceId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string State { get; set; } = state;

    /// <summary>When a Creating or Deleting instance reaches its next state.</summary>
    public DateTimeOffset? DueAt { get; set; } = dueAt;

    /// <summary>Fault injection: this instance ends Failed instead of Succeeded.</summary>
    public bool WillFail { get; init; }

    public string VmId { get; } = Guid.NewGuid().ToString();
}
