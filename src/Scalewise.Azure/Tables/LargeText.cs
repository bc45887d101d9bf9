namespace Scalewise.Azure.Tables;

/// <summary>
/// Text that may exceed Table Storage's 64 KiB (32 K UTF-16 characters) limit for one string property:
/// it is split over the properties Name, Name_1, Name_2, ... and joined again on read.
/// </summary>
internal static class LargeText
{
    internal const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string? text)
    {
        if (text is null)
        {
            return;
        }

        var chunk = 0;
        for (var offset = 0; offset < text.Length || chunk == 0; offset += ChunkLength, chunk++)
        {
            var length = Math.Min(ChunkLength, text.Length - offset);
            entity[ChunkName(name, chunk)] = text.Substring(offset, Math.Max(length, 0));
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || !entity.ContainsKey(ChunkName(name, 1)))
        {
            return first;
        }

        var parts = new List<string> { first };
        for (var chunk = 1; entity.GetString(ChunkName(name, chunk)) is { } part; chunk++)
        {
            parts.Add(part);
        }

        return string.Concat(parts);
    }

    private static string ChunkName(string name, int chunk) =>
        chunk == 0 ? name : name + "_" + chunk.ToString(CultureInfo.InvariantCulture);
}
