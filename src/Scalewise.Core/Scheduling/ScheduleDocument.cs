using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Scalewise.Core.Serialization;

namespace Scalewise.Core.Scheduling;

/// <summary>Schedules as JSON (the <see cref="ScalewiseJson"/> shape). <see cref="Parse"/> gives a schedule only when it is well-formed and valid.</summary>
public static class ScheduleDocument
{
    // Hand-written documents: a forgotten "cron" or "capacity" is an error, not a silent default.
    private static readonly JsonSerializerOptions Strict = CreateStrict();

    public static ScheduleParseResult Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new(null, [new ScheduleError("$", "the document is empty; expected a JSON object with \"windows\" and/or \"fixedWindows\".")]);
        }

        Schedule? schedule;
        try
        {
            schedule = JsonSerializer.Deserialize<Schedule>(json, Strict);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            var at = ex.Message.IndexOf(" Path: ", StringComparison.Ordinal);
            var message = (at < 0 ? ex.Message : ex.Message[..at]).Trim().TrimEnd('.');
            var line = ex.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" (line {l + 1})") : string.Empty;
            return new(null, [new ScheduleError(path, message + line + ".")]);
        }

        if (schedule is null)
        {
            return new(null, [new ScheduleError("$", "the document is null; expected a JSON object with \"windows\" and/or \"fixedWindows\".")]);
        }

        var errors = ScheduleValidator.Validate(schedule);
        return errors.Count == 0 ? new(schedule, []) : new(null, errors);
    }

    public static string Serialize(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return JsonSerializer.Serialize(schedule, ScalewiseJson.Indented);
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            foreach (var property in info.Properties)
            {
                if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false })
                {
                    property.IsRequired = true;
                }
            }
        });
        var options = new JsonSerializerOptions(ScalewiseJson.Options) { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        return options;
    }
}
