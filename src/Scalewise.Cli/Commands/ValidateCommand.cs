namespace Scalewise.Cli.Commands;

/// <summary>
/// <c>scalewise validate &lt;file&gt;...</c>: checks policy documents and prints every error as <c>path: message</c>
/// (prefixed by the file when there are several). Exit 0 when all are valid, 1 when any is not, 2 when a file cannot be read.
/// </summary>
public static class ValidateCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Unreadable = 2;

    public static Command Create()
    {
        var files = new Argument<string[]>("file") { Description = "Policy documents (JSON) to check.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("validate", "Check policy documents: every error with its JSON path, what was wrong and what is accepted.") { files };
        command.SetAction((result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            return ValidateAsync(result.GetValue(files) ?? [], output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ValidateAsync(string[] files, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (files.Length == 0)
        {
            await error.WriteLineAsync("Give at least one policy file: scalewise validate <file>...").ConfigureAwait(false);
            return Unreadable;
        }

        var exitCode = Valid;
        foreach (var file in files)
        {
            var prefix = files.Length > 1 ? file + ": " : string.Empty;
            string json;
            try
            {
                json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await error.WriteLineAsync($"{file}: cannot be read: {ex.Message}").ConfigureAwait(false);
                exitCode = Unreadable;
                continue;
            }

            var parsed = PolicyDocument.Parse(json);
            if (parsed.IsValid)
            {
                await output.WriteLineAsync($"{file}: valid").ConfigureAwait(false);
                continue;
            }

            foreach (var policyError in parsed.Errors)
            {
                await output.WriteLineAsync($"{prefix}{policyError.Path}: {policyError.Message}").ConfigureAwait(false);
            }

            exitCode = exitCode == Unreadable ? Unreadable : Invalid;
        }

        return exitCode;
    }
}
