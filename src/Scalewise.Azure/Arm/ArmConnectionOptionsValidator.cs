namespace Scalewise.Azure.Arm;

/// <summary>Checks <see cref="ArmConnectionOptions"/> when the host starts; each failure names the setting.</summary>
internal sealed class ArmConnectionOptionsValidator : IValidateOptions<ArmConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, ArmConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Endpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{ArmConnectionOptions.SectionName}:{nameof(ArmConnectionOptions.Endpoint)} is '{options.Endpoint}', which is not an absolute https URL; use e.g. https://management.azure.com/ or the simulator's HTTPS address.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{ArmConnectionOptions.SectionName}:{nameof(ArmConnectionOptions.Audience)} is empty; use the token audience of the ARM endpoint, e.g. https://management.azure.com/.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
