using System.Globalization;
using System.Text;

namespace Scalewise.Cli.Tests.Commands;

/// <summary>The trace and policy <c>simulate</c> and <c>tune</c> are tried on.</summary>
internal static class TraceSamples
{
    /// <summary>A diurnal load with a spike: 2 000 to 6 000 requests a minute, 10 minutes at triple load at 14:00 each day.</summary>
    public static string GeneratedTrace(int days)
    {
        var csv = new StringBuilder("timestamp,requests\n");
        var start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        for (var m = 0; m < days * 1440; m++)
        {
            var time = start.AddMinutes(m);
            var load = 4000 + (2000 * Math.Sin((time.Hour + (time.Minute / 60.0) - 9) / 24 * 2 * Math.PI));
            if (time.Hour == 14 && time.Minute < 10)
            {
                load *= 3;
            }

            csv.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-dd'T'HH:mm:ss'Z'},{(int)load}\n");
        }

        return csv.ToString();
    }

    public static string WebDefaultPolicy()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var policy = Path.Combine(directory.FullName, "examples", "policies", "web-default.json");
            if (File.Exists(policy))
            {
                return policy;
            }
        }

        throw new FileNotFoundException("examples/policies/web-default.json not found above " + AppContext.BaseDirectory);
    }
}
