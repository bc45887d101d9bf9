namespace Scalewise.Core.Procedures;

/// <summary>How long the disk snapshots a VM resize takes are kept before a later procedure deletes them.</summary>
public static class SnapshotRetention
{
    /// <summary>The retention when the policy names none.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromDays(7);

    public static readonly TimeSpan Minimum = TimeSpan.FromHours(1);

    public static readonly TimeSpan Maximum = TimeSpan.FromDays(365);

    /// <summary>Snapshots created before this moment are past retention at <paramref name="now"/>.</summary>
    public static DateTimeOffset DeleteBefore(DateTimeOffset now, TimeSpan? retention) => now - (retention ?? Default);
}
