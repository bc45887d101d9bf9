using System.Reflection;
using System.Text.Json;
using Scalewise.Orchestrations;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Functions.Tests;

/// <summary>
/// The Functions host cannot run here, so what it would load is checked from the build's functions.metadata:
/// every orchestrator and activity in the shared registry, and every trigger, must be a function.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> Functions = new(LoadFunctions);

    private static readonly (string Function, string Method, string Route)[] PolicyRoutes =
    [
        ("ListPolicies", "get", "policies"),
        ("GetPolicy", "get", "policies/{id}"),
        ("PutPolicy", "put", "policies/{id}"),
        ("DeletePolicy", "delete", "policies/{id}"),
        ("ListPolicyVersions", "get", "policies/{id}/versions"),
        ("ValidatePolicy", "post", "policies/validate"),
    ];

    [Fact]
    public void Metadata_EveryRegisteredOrchestrator_IsAnOrchestrationTriggerFunction()
    {
        foreach (var name in ScalewiseTasks.Orchestrators)
        {
            Assert.Equal("orchestrationTrigger", TriggerOf(name));
        }
    }

    [Fact]
    public void Metadata_EveryRegisteredActivity_IsAnActivityTriggerFunction()
    {
        foreach (var name in ScalewiseTasks.Activities)
        {
            Assert.Equal("activityTrigger", TriggerOf(name));
        }
    }

    [Theory]
    [InlineData("VmResizeProcedure", "orchestrationTrigger")]
    [InlineData("RedisScaleProcedure", "orchestrationTrigger")]
    [InlineData("RedisEnterpriseScaleProcedure", "orchestrationTrigger")]
    [InlineData("ReadRedisEnterprise", "activityTrigger")]
    [InlineData("ListRedisEnterpriseSkus", "activityTrigger")]
    [InlineData("ScaleRedisEnterprise", "activityTrigger")]
    [InlineData("VerifyRedisEnterprise", "activityTrigger")]
    public void Metadata_VerticalProcedureFunctions_AreRegisteredAndPresent(string function, string trigger)
    {
        Assert.Contains(function, ScalewiseTasks.Orchestrators.Concat(ScalewiseTasks.Activities));
        Assert.Equal(trigger, TriggerOf(function));
    }

    [Fact]
    public void Metadata_TimerAndHttpTriggers_ArePresentWithTheirSettings()
    {
        Assert.Equal("timerTrigger", TriggerOf("EvaluatePolicies"));
        Assert.Equal("%EvaluatePoliciesSchedule%", Binding("EvaluatePolicies", "timerTrigger").GetProperty("schedule").GetString());

        var scale = Binding("RequestScale", "httpTrigger");
        Assert.Equal("targets/{target}/scale", scale.GetProperty("route").GetString());
        Assert.Equal("Function", scale.GetProperty("authLevel").GetString(), ignoreCase: true);

        var history = Binding("GetTargetHistory", "httpTrigger");
        Assert.Equal("targets/{target}/history", history.GetProperty("route").GetString());
        Assert.Equal("Function", history.GetProperty("authLevel").GetString(), ignoreCase: true);

        var reports = Binding("GetCapacityReports", "httpTrigger");
        Assert.Equal("targets/{target}/capacity-reports", reports.GetProperty("route").GetString());
        Assert.Equal("Function", reports.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(["get"], reports.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
    }

    public static TheoryData<string, string, string> PolicyRouteData()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (function, method, route) in PolicyRoutes)
        {
            data.Add(function, method, route);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PolicyRouteData))]
    public void Metadata_PolicyFunction_IsAnHttpTriggerWithItsRouteAndAFunctionKey(string function, string method, string route)
    {
        var http = Binding(function, "httpTrigger");
        Assert.Equal(route, http.GetProperty("route").GetString());
        Assert.Equal([method], http.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
        Assert.Equal("Function", http.GetProperty("authLevel").GetString(), ignoreCase: true);
    }

    [Theory]
    [InlineData("ApproveProcedure", "procedures/{instanceId}/approve")]
    [InlineData("RejectProcedure", "procedures/{instanceId}/reject")]
    public void Metadata_ApprovalAnswers_ArePostFunctionsWithAKey(string function, string route)
    {
        var binding = Binding(function, "httpTrigger");
        Assert.Equal(route, binding.GetProperty("route").GetString());
        Assert.Equal("Function", binding.GetProperty("authLevel").GetString(), ignoreCase: true);
        Assert.Equal(["post"], binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Metadata_HttpFunctions_AreExactlyTheApiTableRoutes()
    {
        var table = ScalewiseApi.Routes.Select(r => $"{r.Name} {r.Method.ToUpperInvariant()} {r.Template}").Order(StringComparer.Ordinal).ToList();
        var served = Functions.Value
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{f.GetProperty("name").GetString()} {m.GetString()!.ToUpperInvariant()} {b.GetProperty("route").GetString()}")))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(table, served);
        Assert.Equal(table.Count, ScalewiseApi.Routes.Select(r => (r.Method, r.Template)).Distinct().Count());
    }

    [Fact]
    public void Metadata_EveryHttpFunction_NeedsAFunctionKey()
    {
        foreach (var route in ScalewiseApi.Routes)
        {
            Assert.Equal("Function", Binding(route.Name, "httpTrigger").GetProperty("authLevel").GetString(), ignoreCase: true);
        }
    }

    [Fact]
    public void Metadata_EveryFunction_IsKnownToTheRegistryOrIsATrigger()
    {
        var known = ScalewiseTasks.Orchestrators.Concat(ScalewiseTasks.Activities).Concat(["EvaluatePolicies", "ApplySchedules", "ForecastDemand", "CheckEmergencies", .. ScalewiseApi.Routes.Select(r => r.Name)]).ToHashSet();
        var names = Functions.Value.Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.All(names, name => Assert.Contains(name, known));
    }

    private static string TriggerOf(string functionName)
    {
        var function = Functions.Value.SingleOrDefault(f => f.GetProperty("name").GetString() == functionName);
        Assert.True(function.ValueKind == JsonValueKind.Object, $"functions.metadata has no function named '{functionName}'.");
        return function.GetProperty("bindings").EnumerateArray()
            .Select(b => b.GetProperty("type").GetString()!)
            .Single(t => t.EndsWith("Trigger", StringComparison.Ordinal));
    }

    private static JsonElement Binding(string functionName, string type) =>
        Functions.Value.Single(f => f.GetProperty("name").GetString() == functionName)
            .GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString() == type);

    private static List<JsonElement> LoadFunctions()
    {
        var directory = typeof(FunctionsMetadataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsOutputDirectory").Value!;
        var path = Path.Combine(directory, "functions.metadata");
        Assert.True(File.Exists(path), $"The Functions build did not produce {path}.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
