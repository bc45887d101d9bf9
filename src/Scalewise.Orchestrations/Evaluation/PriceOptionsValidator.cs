using Microsoft.Extensions.Options;

namespace Scalewise.Orchestrations.Evaluation;

/// <summary>
/// Checks <see cref="PriceOptions"/> when the host starts: an empty value is skipped; anything else that is not a plain
/// non-negative number (no thousands separators, a dot for decimals) stops the host with the key named, since a cap
/// computed from a wrong price is worse than none.
/// </summary>
internal sealed class PriceOptionsValidator : IValidateOptions<PriceOptions>
{
    public ValidateOptionsResult Validate(string? name, PriceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value) && PriceConfiguration.ParsePrice(entry.Value) is null)
            .Select(entry => $"{PriceOptions.SectionName}:{entry.Key} is '{entry.Value}'; use the SKU's hourly price as a non-negative number with a dot for decimals, such as 0.096 (dollars per hour), or leave it empty.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
