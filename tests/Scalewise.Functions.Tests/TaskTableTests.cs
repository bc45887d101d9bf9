using System.Reflection;
using Scalewise.Orchestrations;
using Scalewise.Orchestrations.Hosting;

namespace Scalewise.Functions.Tests;

/// <summary>
/// The Functions app must expose exactly the orchestrators and activities of <see cref="ScalewiseTasks"/>, under the same
/// names and with the same types: a task missing on either side would run locally and fail in Azure, or the other way.
/// Read from the Functions assembly's <c>[Function]</c> methods with an orchestration or activity trigger.
/// </summary>
public sealed class TaskTableTests
{
    private const string FunctionAttribute = "Microsoft.Azure.Functions.Worker.FunctionAttribute";
    private const string OrchestrationTrigger = "Microsoft.Azure.Functions.Worker.OrchestrationTriggerAttribute";
    private const string ActivityTrigger = "Microsoft.Azure.Functions.Worker.ActivityTriggerAttribute";

    private static readonly Lazy<IReadOnlyList<DurableFunction>> Functions = new(LoadDurableFunctions);

    [Fact]
    public void Functions_EveryTableEntry_HasAFunctionOfTheSameNameAndKind()
    {
        var functions = Functions.Value.ToDictionary(f => f.Name);
        foreach (var task in ScalewiseTasks.All)
        {
            Assert.True(functions.TryGetValue(task.Name, out var function), $"The Functions app has no [Function(\"{task.Name}\")]: add a thin wrapper in Scalewise.Functions/Triggers.");
            Assert.Equal(task.Kind, function.Kind);
        }
    }

    [Fact]
    public void Functions_EveryOrchestrationOrActivityFunction_IsInTheTable()
    {
        var names = ScalewiseTasks.All.Select(t => t.Name).ToHashSet();
        foreach (var function in Functions.Value)
        {
            Assert.True(names.Contains(function.Name), $"[Function(\"{function.Name}\")] is not in ScalewiseTasks.All: the local runner and the tests would not run it.");
        }
    }

    [Fact]
    public void Functions_ActivityInputsAndEveryOutput_MatchTheTable()
    {
        var functions = Functions.Value.ToDictionary(f => f.Name);
        foreach (var task in ScalewiseTasks.All.Where(t => functions.ContainsKey(t.Name)))
        {
            var function = functions[task.Name];
            Assert.True(task.Output == function.Output, $"{task.Name} returns {function.Output} in the Functions app and {task.Output} in the table.");
            if (task.Kind == DurableTaskKind.Activity)
            {
                Assert.True(task.Input == function.Input, $"{task.Name} takes {function.Input} in the Functions app and {task.Input} in the table.");
            }
        }
    }

    [Fact]
    public void Table_Names_AreUnique()
    {
        Assert.Equal(ScalewiseTasks.All.Count, ScalewiseTasks.All.Select(t => t.Name).Distinct().Count());
    }

    private static List<DurableFunction> LoadDurableFunctions()
    {
        var directory = typeof(TaskTableTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsOutputDirectory").Value!;
        var assembly = Assembly.LoadFrom(Path.Combine(directory, "Scalewise.Functions.dll"));
        var found = new List<DurableFunction>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            var function = method.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == FunctionAttribute);
            if (function is null)
            {
                continue;
            }

            var name = (string)function.ConstructorArguments[0].Value!;
            var output = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : method.ReturnType;
            foreach (var parameter in method.GetParameters())
            {
                var triggers = parameter.GetCustomAttributesData().Select(a => a.AttributeType.FullName).ToList();
                if (triggers.Contains(OrchestrationTrigger))
                {
                    found.Add(new DurableFunction(name, DurableTaskKind.Orchestrator, null, output));
                }
                else if (triggers.Contains(ActivityTrigger))
                {
                    found.Add(new DurableFunction(name, DurableTaskKind.Activity, parameter.ParameterType, output));
                }
            }
        }

        Assert.NotEmpty(found);
        return found;
    }

    private sealed record DurableFunction(string Name, DurableTaskKind Kind, Type? Input, Type Output);
}
