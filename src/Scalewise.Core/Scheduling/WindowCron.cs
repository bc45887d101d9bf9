using Cronos;

namespace Scalewise.Core.Scheduling;

/// <summary>Cron text as schedules accept it: 5 fields (minute first) or 6 (seconds first), or a macro such as "@daily".</summary>
internal static class WindowCron
{
    public static bool TryParse(string? text, out CronExpression? expression, out string error)
    {
        expression = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the cron expression is empty; expected 5 fields (minute hour day-of-month month day-of-week) such as \"0 18 * * 1-5\", or 6 with seconds first.";
            return false;
        }

        var trimmed = text.Trim();
        var fields = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        if (!trimmed.StartsWith('@') && fields is not (5 or 6))
        {
            error = $"'{trimmed}' has {fields} fields; expected 5 (minute hour day-of-month month day-of-week) such as \"0 18 * * 1-5\", or 6 with seconds first such as \"0 0 18 * * 1-5\".";
            return false;
        }

        try
        {
            expression = CronExpression.Parse(trimmed, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException ex)
        {
            error = $"'{trimmed}' is not a valid cron expression ({ex.Message.TrimEnd('.')}); expected 5 fields such as \"0 18 * * 1-5\", or 6 with seconds first.";
            return false;
        }
    }

    public static CronExpression Parse(string text, string what) =>
        TryParse(text, out var expression, out var error) ? expression! : throw new ArgumentException($"{what}: {error}", nameof(text));
}
