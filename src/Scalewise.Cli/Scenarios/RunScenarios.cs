using System.Reflection;

namespace Scalewise.Cli.Scenarios;

/// <summary>The scenarios <c>scalewise run --scenario</c> knows.</summary>
public static class RunScenarios
{
    public const string Default = "vmss-burst";

    public static IReadOnlyList<string> Names { get; } = [Default];

    public static RunScenario? Find(string name) => name switch
    {
        Default => VmssBurst(),
        _ => null,
    };

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

    private static string ReadPolicy(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The scenario policy '{name}' is not embedded in the scalewise tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
