namespace Scalewise.Azure.Tables;

/// <summary>Optional columns: a null value is left out of the row rather than written as null.</summary>
internal static class EntityValues
{
    public static void SetIfNotNull(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    public static TEnum ReadEnum<TEnum>(TableEntity entity, string name)
        where TEnum : struct, Enum
    {
        var text = entity.GetString(name) ?? throw new InvalidDataException($"Row '{entity.RowKey}' has no '{name}' column.");
        return Enum.Parse<TEnum>(text, ignoreCase: false);
    }

    public static int ReadInt(TableEntity entity, string name) =>
        entity.GetInt32(name) ?? throw new InvalidDataException($"Row '{entity.RowKey}' has no '{name}' column.");

    public static DateTimeOffset ReadTime(TableEntity entity, string name) =>
        entity.GetDateTimeOffset(name) ?? throw new InvalidDataException($"Row '{entity.RowKey}' has no '{name}' column.");

    public static string ReadString(TableEntity entity, string name) =>
        entity.GetString(name) ?? throw new InvalidDataException($"Row '{entity.RowKey}' has no '{name}' column.");
}
