using Scalewise.Core.Procedures;
using System.Reflection;

namespace Scalewise.Cli.Scenarios;

/// <summary>The scenarios <c>scalewise run --scenario</c> knows.</summary>
public static class RunScenarios
{
    public const string Default = "vmss-burst";

    public const string VerifyFailsRollback = "verify-fails-rollback";
    public const string Approval = "approval";
    public const string Schedule = "schedule";
    public const string Predictive = "predictive";
    public const string Emergency = "emergency";

    public static IReadOnlyList<string> Names { get; } = [Default, VerifyFailsRollback, Approval, Schedule, Predictive, Emergency];

    public static RunScenario? Find(string name) => name switch
    {
        Default => VmssBurst(),
        VerifyFailsRollback => Overload(
            VerifyFailsRollback,
            "A sustained overload; the first scale-out's new instance fails to provision, so verification fails and the procedure rolls back.") with
        {
            PrepareTarget = scaleSet => scaleSet.FailNextProvisioning(),
        },
        Approval => ApprovalScenario(),
        Schedule => TimingScenarios.Schedule(DateTimeOffset.UtcNow),
        Predictive => TimingScenarios.Predictive(DateTimeOffset.UtcNow),
        Emergency => TimingScenarios.Emergency(DateTimeOffset.UtcNow),
        _ => null,
    };

    /// <summary>A sustained overload on seed 000's policy with the procedure settings changed: every change waits for a person.</summary>
    private static RunScenario ApprovalScenario()
    {
        var answerer = new ApprovalAnswerer();
        return Overload(
            Approval,
            "A sustained overload with an approval threshold of 0 instances: each scale-out waits until the scenario approves it over POST /api/procedures/{id}/approve.") with
        {
            ConfigurePolicy = policy => policy with { Approval = new ApprovalPolicy(InstanceThreshold: 0, Timeout: TimeSpan.FromMinutes(30)) },
            DuringRun = answerer.AnswerAsync,
        };
    }

    /// <summary>60 arrivals per second on two instances of 25 each: the CPU rule fires once its 5-minute window has seen it.</summary>
    private static RunScenario Overload(string name, string description) => new(
        name,
        description,
        ReadPolicy("vmss-burst.json"),
        InitialCapacity: 2,
        RequestsPerSecondPerInstance: 25,
        ProvisioningDelay: TimeSpan.FromMinutes(3),
        Phases: [new("sustained overload", TimeSpan.FromMinutes(16), 60)]);

    /// <summary>
    /// Seed 000's Artillery load test (10, 50, 100, 200, 50 arrivals per second for 5, 10, 5, 10 and 5 minutes),
    /// then 10 minutes back at the baseline so that the scale-in the seed's gradual scale-down asks for shows too.
    /// </summary>
    private static RunScenario VmssBurst() => new(
        Default,
        "Seed 000's load test phases against a VM scale set with the seed's CPU rules (scale out above 80%, in below 30%).",
        ReadPolicy("vmss-burst.json"),
        InitialCapacity: 2,
        RequestsPerSecondPerInstance: 25,
        ProvisioningDelay: TimeSpan.FromMinutes(3),
        Phases:
        [
            new("baseline", TimeSpan.FromMinutes(5), 10),
            new("normal load", TimeSpan.FromMinutes(10), 50),
            new("peak load", TimeSpan.FromMinutes(5), 100),
            new("stress test", TimeSpan.FromMinutes(10), 200),
            new("cool down", TimeSpan.FromMinutes(5), 50),
            new("back to baseline", TimeSpan.FromMinutes(10), 10),
        ]);

    internal static string ReadPolicy(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The scenario policy '{name}' is not embedded in the scalewise tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
