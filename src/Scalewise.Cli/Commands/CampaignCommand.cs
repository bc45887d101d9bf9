using Scalewise.Cli.Campaign;

namespace Scalewise.Cli.Commands;

/// <summary><c>scalewise campaign</c>: randomized runs under faults, checking Scalewise's promises after every step.</summary>
public static class CampaignCommand
{
    /// <summary>The command; <paramref name="output"/> replaces the console (tests read the lines through it).</summary>
    public static Command Create(TextWriter? output = null)
    {
        var runs = new Option<int>("--runs") { Description = "How many runs.", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "The first run's seed; run k draws from seed + k, so '--runs 1 --seed S' replays run S.", DefaultValueFactory = _ => 0 };
        var parallel = new Option<int>("--parallel") { Description = "How many runs share the host at once.", DefaultValueFactory = _ => 6 };
        var speed = new Option<double>("--speed") { Description = "How many times faster than real time.", DefaultValueFactory = _ => 60 };
        var command = new Command("campaign", "Randomized fault campaign: policies, loads and faults drawn from seeds, run through the real tick and procedures on the simulator and Azurite; prints a JSON line last.") { runs, seed, parallel, speed };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new CampaignOptions(result.GetValue(runs), result.GetValue(seed), result.GetValue(parallel), result.GetValue(speed));
            var writer = output ?? Console.Out;
            if (options.Runs < 1 || options.Seed < 0 || options.Parallel < 1 || options.Speed is < 1 or > 120 || (long)options.Seed + options.Runs > int.MaxValue)
            {
                writer.WriteLine("--runs and --parallel must be at least 1, --seed at least 0 (seed + runs within a 32-bit integer), --speed between 1 and 120.");
                return Task.FromResult(2);
            }

            return new CampaignRunner(options, writer).ExecuteAsync(cancellationToken);
        });
        return command;
    }
}
