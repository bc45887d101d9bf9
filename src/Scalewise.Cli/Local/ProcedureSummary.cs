namespace Scalewise.Cli.Local;

/// <summary>One procedure in the run summary; a vertical procedure (VM, cache) also names the SKUs it moved between.</summary>
public sealed record ProcedureSummary(string InstanceId, string Target, string Kind, int From, int To, string Outcome, IReadOnlyList<StepSummary> Steps)
{
    /// <summary>The SKU a vertical procedure started from; absent for scale sets.</summary>
    public string? FromSku { get; init; }

    /// <summary>The SKU a vertical procedure set out to reach; absent for scale sets.</summary>
    public string? ToSku { get; init; }
}
