using System.Reflection;
using Microsoft.AspNetCore.Http;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Orchestrations.Dashboard;

/// <summary>
/// The dashboard's static files (HTML, JavaScript, CSS and Chart.js from <c>node_modules</c>), embedded in this assembly at
/// build time so the Functions app and the local runner serve the same bytes at <c>/api/dashboard/</c>. The page reads only
/// the HTTP API.
/// </summary>
public static class DashboardFiles
{
    public const string ChartScript = "chart.umd.js";

    private const string Prefix = "dashboard/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Files = new(Load);

    /// <summary>The names of the files served (index.html, app.js, ...).</summary>
    public static IEnumerable<string> Names => Files.Value.Keys;

    /// <summary>The file at <paramref name="path"/> (index.html when empty); a redirect to the trailing slash for the bare folder; else 404 naming <c>path</c>.</summary>
    public static ApiResponse Get(string? path, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(path) && !(request.Path.Value ?? string.Empty).EndsWith('/'))
        {
            // Relative links in the page (app.js, the API) resolve from the folder, so the folder's URL ends with '/'.
            return new ApiResponse(302, null, null, Location: $"{request.PathBase}{request.Path}/{request.QueryString}");
        }

        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        if (!Files.Value.TryGetValue(name, out var text))
        {
            var detail = name == ChartScript
                ? "Chart.js was not in node_modules when Scalewise was built; run `npm ci` in the repository and build again."
                : $"The dashboard has no file '{name}'.";
            return ApiResponse.Problem(ApiProblem.NotFound("path", detail));
        }

        return new ApiResponse(200, text, ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"));
    }

    private static Dictionary<string, string> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files[resource[Prefix.Length..]] = reader.ReadToEnd();
        }

        return files;
    }
}
