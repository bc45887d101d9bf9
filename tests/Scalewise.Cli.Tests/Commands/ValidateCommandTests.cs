using Scalewise.Cli.Commands;

namespace Scalewise.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private const string ValidPolicy = """
        {
          "version": 1,
          "id": "web-tier",
          "target": {"kind": "VirtualMachineScaleSet", "resourceId": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/web"},
          "capacity": {"minimum": 2, "maximum": 10, "default": 2},
          "rules": [],
          "warmUp": "PT2M"
        }
        """;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("scalewise-validate-");

    [Fact]
    public async Task Validate_ValidFile_ExitsZero()
    {
        var file = Write("good.json", ValidPolicy);

        var run = await CommandRun.InvokeAsync(ValidateCommand.Create(), "validate", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InvalidFile_PrintsEveryErrorAsPathAndMessageAndExitsOne()
    {
        var file = Write("bad.json", ValidPolicy.Replace("\"minimum\": 2", "\"minimum\": 20", StringComparison.Ordinal).Replace("PT2M", "PT3H", StringComparison.Ordinal));

        var run = await CommandRun.InvokeAsync(ValidateCommand.Create(), "validate", file);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("$.capacity.minimum: minimum 20 is above the maximum of 10", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.warmUp: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"Id\": \"again\", ", "$.Id: the key 'Id' appears more than once")]
    [InlineData("\"description\": \"\\ud800\", ", "$.description: the string holds a lone UTF-16 surrogate")]
    public async Task Validate_OddButWellFormedJson_PrintsThePathAndNoStackTrace(string inserted, string expected)
    {
        var file = Write("odd.json", ValidPolicy.Replace("\"rules\": []", inserted + "\"rules\": []", StringComparison.Ordinal));

        var run = await CommandRun.InvokeAsync(ValidateCommand.Create(), "validate", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DurationBeyondTimeSpan_NamesTheFieldWithoutAStackTrace()
    {
        var file = Write("long.json", ValidPolicy.Replace("PT2M", "P99999999999D", StringComparison.Ordinal));

        var run = await CommandRun.InvokeAsync(ValidateCommand.Create(), "validate", file);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("$.warmUp: 'P99999999999D' is ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownField_NamesItsPath()
    {
        var file = Write("unknown.json", ValidPolicy.Replace("\"rules\": []", "\"rules\": [], \"colour\": \"blue\"", StringComparison.Ordinal));

        var run = await CommandRun.InvokeAsync(ValidateCommand.Create(), "validate", file);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("$.colour: 'colour' is not a known field", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SeveralFiles_PrefixesEachErrorWithItsFile()
    {
        var good = Write("good.json", ValidPolicy);
        var bad = Write("bad.json", ValidPolicy.Replace("\"web-tier\"", "\"Web Tier\"", StringComparison.Ordinal));

        var run = await CommandRun.InvokeAsync(ValidateCommand.Create(), "validate", good, bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{bad}: $.id: id 'Web Tier' is not allowed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"{good}: $", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwoAndStillChecksTheOthers()
    {
        var bad = Write("bad.json", "{}");
        var missing = Path.Combine(directory.FullName, "missing.json");

        var run = await CommandRun.InvokeAsync(ValidateCommand.Create(), "validate", missing, bad);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Contains($"{bad}: $", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NoFile_ExitsTwo()
    {
        var run = await CommandRun.InvokeAsync(ValidateCommand.Create(), "validate");

        Assert.Equal(2, run.ExitCode);
    }

    public void Dispose() => directory.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
