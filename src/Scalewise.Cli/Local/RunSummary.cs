namespace Scalewise.Cli.Local;

/// <summary>What <c>scalewise run --summary</c> writes: counts, and every procedure with its steps.</summary>
public sealed record RunSummary(
    string Scenario,
    string Target,
    int ScaleOuts,
    int ScaleIns,
    int Decisions,
    IReadOnlyDictionary<string, int> DecisionsByKind,
    IReadOnlyList<ProcedureSummary> Procedures)
{
    /// <summary>For a vertical policy, succeeded procedures that stepped the SKU up its ladder; absent for scale sets.</summary>
    public int? StepsUp { get; init; }

    /// <summary>For a vertical policy, succeeded procedures that stepped the SKU down its ladder; absent for scale sets.</summary>
    public int? StepsDown { get; init; }

    /// <summary>Every recorded decision, oldest first, with its simulated time.</summary>
    public IReadOnlyList<DecisionSummary>? DecisionLog { get; init; }

    /// <summary>The load phases and when each began (simulated time).</summary>
    public IReadOnlyList<PhaseSummary>? Phases { get; init; }

    /// <summary>The target at every minute tick: load, capacity, ready instances.</summary>
    public IReadOnlyList<TickSample>? Ticks { get; init; }

    /// <summary>
    /// When the emergency condition was checked (simulated time): every minute tick (it checks emergencies first) and every
    /// short emergency check between ticks. Only for policies that can have an emergency.
    /// </summary>
    public IReadOnlyList<DateTimeOffset>? EmergencyChecks { get; init; }

    /// <summary>
    /// The target's post-event capacity reports as <c>GET /api/targets/{target}/capacity-reports</c> returns them, when the run
    /// had an emergency and the API serves them; absent otherwise.
    /// </summary>
    public JsonElement? CapacityReports { get; init; }
}
