using System.CommandLine;
using Scalewise.Cli.Commands;
using Scalewise.Cli.Local;

namespace Scalewise.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_NoOptions_RunsTheDefaultScenarioAtFifteenTimesRealTime()
    {
        RunOptions? seen = null;
        var root = new RootCommand { RunCommand.Create((options, _) => { seen = options; return Task.FromResult(0); }) };

        var exit = await root.Parse(["run"]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.NotNull(seen);
        Assert.Equal("vmss-burst", seen.Scenario);
        Assert.Equal(15, seen.Speed);
        Assert.Equal(0, seen.Port);
        Assert.Null(seen.Summary);
    }

    [Theory]
    [InlineData("500")]
    [InlineData("0.5")]
    public async Task Run_SpeedOutOfRange_ExitsWithTwoWithoutRunning(string speed)
    {
        var ran = false;
        var root = new RootCommand { RunCommand.Create((_, _) => { ran = true; return Task.FromResult(0); }) };

        var exit = await root.Parse(["run", "--speed", speed]).InvokeAsync();

        Assert.Equal(2, exit);
        Assert.False(ran);
    }
}
