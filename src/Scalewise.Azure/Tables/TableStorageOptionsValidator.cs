namespace Scalewise.Azure.Tables;

/// <summary>Checks <see cref="TableStorageOptions"/> when the host starts; each failure names the setting.</summary>
internal sealed class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string connectionString = $"{TableStorageOptions.SectionName}:{nameof(TableStorageOptions.ConnectionString)}";
        const string serviceUri = $"{TableStorageOptions.SectionName}:{nameof(TableStorageOptions.ServiceUri)}";
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ServiceUri))
        {
            return ValidateOptionsResult.Fail(
                $"Table Storage is not configured: set '{connectionString}' (e.g. UseDevelopmentStorage=true for Azurite) or '{serviceUri}' (https://<account>.table.core.windows.net, reached with the managed identity).");
        }

        return Uri.TryCreate(options.ServiceUri, UriKind.Absolute, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"'{serviceUri}' is '{options.ServiceUri}', which is not an absolute URI; use e.g. https://<account>.table.core.windows.net.");
    }
}
