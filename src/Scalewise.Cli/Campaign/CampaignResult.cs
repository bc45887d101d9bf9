namespace Scalewise.Cli.Campaign;

/// <summary>The campaign's last output line.</summary>
public sealed record CampaignResult(
    int Runs,
    IReadOnlyDictionary<string, int> FaultsByKind,
    IReadOnlyDictionary<string, int> ProceduresByOutcome,
    int InvariantViolations,
    IReadOnlyList<int> FailedSeeds)
{
    private static readonly JsonSerializerOptions LineOptions = new(JsonSerializerDefaults.Web);

    public static CampaignResult Of(IReadOnlyList<CampaignRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var faults = Enum.GetValues<CampaignFault>().ToDictionary(k => k.ToString(), k => runs.Sum(r => r.AppliedFaults.Count(f => f.Kind == k)));
        var outcomes = runs.SelectMany(r => r.ProceduresByOutcome)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
        return new CampaignResult(
            runs.Count,
            faults,
            outcomes,
            runs.Sum(r => r.Violations.Count),
            [.. runs.Where(r => r.Violations.Count > 0).Select(r => r.Plan.Seed)]);
    }

    public string ToJsonLine() => JsonSerializer.Serialize(this, LineOptions);
}
