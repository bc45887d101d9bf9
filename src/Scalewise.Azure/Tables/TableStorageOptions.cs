namespace Scalewise.Azure.Tables;

/// <summary>
/// Where Scalewise keeps its tables, bound from "Scalewise:Tables": <see cref="ConnectionString"/> (Azurite, or a key-based
/// account) or <see cref="ServiceUri"/> (https://account.table.core.windows.net, reached with the managed identity).
/// </summary>
public sealed class TableStorageOptions
{
    public const string SectionName = "Scalewise:Tables";

    public string? ConnectionString { get; set; }

    public string? ServiceUri { get; set; }
}
