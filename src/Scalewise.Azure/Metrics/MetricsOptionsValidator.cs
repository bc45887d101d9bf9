namespace Scalewise.Azure.Metrics;

/// <summary>Checks <see cref="MetricsOptions"/> when the host starts; each failure names the setting.</summary>
internal sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxConcurrentCalls < 1)
        {
            failures.Add($"{MetricsOptions.SectionName}:{nameof(MetricsOptions.MaxConcurrentCalls)} is {options.MaxConcurrentCalls}; it must be 1 or more (default {MetricsOptions.DefaultMaxConcurrentCalls}).");
        }

        if (options.UseBatch
            && !string.IsNullOrWhiteSpace(options.BatchEndpoint)
            && !Uri.TryCreate(options.BatchEndpoint.Replace("{region}", "region", StringComparison.OrdinalIgnoreCase), UriKind.Absolute, out _))
        {
            failures.Add($"{MetricsOptions.SectionName}:{nameof(MetricsOptions.BatchEndpoint)} is '{options.BatchEndpoint}', which is not an absolute URL; use e.g. {MetricsOptions.DefaultBatchEndpoint} or the simulator's base URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
