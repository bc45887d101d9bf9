namespace Scalewise.Cli.Local;

/// <summary>The options of <c>scalewise serve</c>: clock speed, port (0 for a free one), how long to run (null: until Ctrl+C) and storage.</summary>
public sealed record ServeOptions(double Speed, int Port, TimeSpan? RunFor, string? StorageConnectionString);
