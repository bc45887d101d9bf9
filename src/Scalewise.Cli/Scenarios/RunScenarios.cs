using Scalewise.Core.Procedures;
using Scalewise.Core.Targets;
using System.Reflection;

namespace Scalewise.Cli.Scenarios;

/// <summary>The scenarios <c>scalewise run --scenario</c> knows.</summary>
public static class RunScenarios
{
    public const string Default = "vmss-burst";

    public const string VerifyFailsRollback = "verify-fails-rollback";
    public const string Approval = "approval";
    public const string VmResize = "vm-resize";
    public const string RedisScaleUp = "redis-scale-up";
    public const string Schedule = "schedule";
    public const string Predictive = "predictive";
    public const string Emergency = "emergency";

    public static IReadOnlyList<string> Names { get; } = [Default, VerifyFailsRollback, Approval, VmResize, RedisScaleUp, Schedule, Predictive, Emergency];

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
        VmResize => VmResizeScenario(),
        RedisScaleUp => RedisScaleUpScenario(),
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

    /// <summary>
    /// A worker VM on Standard_D2s_v3 (2 cores of 25 requests/s): 15 requests/s (about 33 % CPU), then 45 (about 93 %).
    /// The CPU rule steps it to Standard_D4s_v3 (about 48 %); a resize takes 3 minutes and restarts the VM.
    /// </summary>
    private static RunScenario VmResizeScenario() => new(
        VmResize,
        "A worker VM under a growing load: the CPU rule steps it one size up the ladder (Standard_D2s_v3 → Standard_D4s_v3); the resize snapshots its disks, restarts it at the new size, warms up and verifies.",
        ReadPolicy("vm-resize.json"),
        InitialCapacity: 1,
        RequestsPerSecondPerInstance: 0,
        ProvisioningDelay: TimeSpan.FromMinutes(3),
        Phases:
        [
            new("normal load", TimeSpan.FromMinutes(5), 15),
            new("overload", TimeSpan.FromMinutes(20), 45),
        ])
    {
        TargetKind = TargetKind.VirtualMachine,
        InitialSku = "Standard_D2s_v3",
    };

    /// <summary>
    /// A Standard C1 cache (10,000 operations/s at full load): 4,000 operations/s (about 42 % server load), then 9,000 (about
    /// 92 %). The server load rule steps it to Standard_C2 (about 47 %); a scale takes 10 minutes.
    /// </summary>
    private static RunScenario RedisScaleUpScenario() => new(
        RedisScaleUp,
        "An Azure Cache for Redis under a growing load: the server load rule steps it one size up (Standard_C1 → Standard_C2); the procedure plans the move, waits for provisioning, and verifies server load and memory are back under their thresholds.",
        ReadPolicy("redis-scale-up.json"),
        InitialCapacity: 1,
        RequestsPerSecondPerInstance: 0,
        ProvisioningDelay: TimeSpan.FromMinutes(10),
        Phases:
        [
            new("normal load", TimeSpan.FromMinutes(5), 4_000),
            new("overload", TimeSpan.FromMinutes(25), 9_000),
        ])
    {
        TargetKind = TargetKind.RedisCache,
        InitialSku = "Standard_C1",
    };

    internal static string ReadPolicy(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The scenario policy '{name}' is not embedded in the scalewise tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
