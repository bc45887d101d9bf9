namespace Scalewise.Cli.Local;

/// <summary>The options of <c>scalewise run</c>.</summary>
public sealed record RunOptions(string Scenario, FileInfo? Summary, double Speed, int Port, string? StorageConnectionString);
