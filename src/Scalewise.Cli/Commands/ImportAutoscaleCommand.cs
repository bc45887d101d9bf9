using Scalewise.Core.Autoscale;

namespace Scalewise.Cli.Commands;

/// <summary>
/// <c>scalewise import-autoscale &lt;file&gt; [--out &lt;file&gt;] [--id &lt;policy id&gt;]</c>: turns an Azure Monitor autoscale
/// setting into a policy. The policy goes to stdout (or <c>--out</c>); what could not be carried over goes to stderr and,
/// with <c>--out</c>, to <c>&lt;out&gt;.warnings.txt</c> beside it. Exit 0 when a policy was made, 1 when none could be,
/// 2 when the file cannot be read or written.
/// </summary>
public static class ImportAutoscaleCommand
{
    public const int Imported = 0;
    public const int NotImported = 1;
    public const int Unreadable = 2;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The autoscale setting: the JSON GET .../Microsoft.Insights/autoscalesettings/{name} returns, or its PUT request body." };
        var output = new Option<string?>("--out") { Description = "Write the policy to this file (and the warnings to <name>.warnings.txt beside it) instead of to stdout." };
        var id = new Option<string?>("--id") { Description = "The policy id (default: the target resource's name, in lowercase letters, digits and hyphens)." };
        var command = new Command("import-autoscale", "Convert an Azure Monitor autoscale setting into a Scalewise policy, listing what could not be mapped.") { file, output, id };
        command.SetAction((result, cancellationToken) => ImportAsync(
            result.GetValue(file)!,
            result.GetValue(output),
            result.GetValue(id),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Where the warnings of a policy written to <paramref name="policyFile"/> go: <c>policy.json</c> → <c>policy.warnings.txt</c>.</summary>
    public static string WarningsFile(string policyFile) => Path.ChangeExtension(policyFile, ".warnings.txt");

    private static async Task<int> ImportAsync(string file, string? outFile, string? id, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"{file}: cannot be read: {ex.Message}").ConfigureAwait(false);
            return Unreadable;
        }

        var import = AutoscaleSettingImporter.Import(json, id);
        foreach (var warning in import.Warnings)
        {
            await error.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        if (!import.Succeeded)
        {
            foreach (var policyError in import.Errors)
            {
                await error.WriteLineAsync($"error: {policyError}").ConfigureAwait(false);
            }

            await error.WriteLineAsync($"{file}: no policy was made.").ConfigureAwait(false);
            return NotImported;
        }

        var policy = PolicyDocument.Serialize(import.Policy!);
        if (outFile is null)
        {
            await output.WriteLineAsync(policy).ConfigureAwait(false);
            return Imported;
        }

        var warningsFile = WarningsFile(outFile);
        try
        {
            await File.WriteAllTextAsync(outFile, policy + Environment.NewLine, cancellationToken).ConfigureAwait(false);
            var lines = import.Warnings.Count == 0 ? ["Everything in the autoscale setting was imported."] : import.Warnings.Select(w => w.ToString());
            await File.WriteAllLinesAsync(warningsFile, lines, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"{outFile}: cannot be written: {ex.Message}").ConfigureAwait(false);
            return Unreadable;
        }

        await output.WriteLineAsync($"Policy '{import.Policy!.Id}' written to {outFile}; {import.Warnings.Count} warning(s) in {warningsFile}.").ConfigureAwait(false);
        return Imported;
    }
}
