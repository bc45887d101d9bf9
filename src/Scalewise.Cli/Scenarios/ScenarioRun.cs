using Microsoft.DurableTask.Client;

namespace Scalewise.Cli.Scenarios;

/// <summary>What a scenario's <see cref="RunScenario.DuringRun"/> can reach: the stored policy, the Durable client and the runner's HTTP API.</summary>
public sealed record ScenarioRun(ScalingPolicy Policy, DurableTaskClient Client, HttpClient Api, IAnsiConsole Console);
