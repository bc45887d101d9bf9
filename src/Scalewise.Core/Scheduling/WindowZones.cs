namespace Scalewise.Core.Scheduling;

/// <summary>IANA time zones by id, and wall-clock times in them.</summary>
internal static class WindowZones
{
    public static bool TryFind(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone);
    }

    public static TimeZoneInfo Find(string id, string what) =>
        TryFind(id, out var zone) ? zone! : throw new ArgumentException($"{what}: '{id}' is not a known IANA time zone.", nameof(id));

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant of a wall-clock time. A time skipped by a spring-forward change is read with the offset before the
    /// change (02:30 becomes 03:30 summer time); a time repeated by a fall-back change is its first occurrence (summer time).
    /// </summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(unspecified))
        {
            var offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return new DateTimeOffset(unspecified, offset);
        }

        if (zone.IsInvalidTime(unspecified))
        {
            var before = zone.GetUtcOffset(unspecified.AddHours(-3));
            return new DateTimeOffset(unspecified, before);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
