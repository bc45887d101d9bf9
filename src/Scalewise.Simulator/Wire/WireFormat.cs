using System.Xml;
using Microsoft.AspNetCore.Http;

namespace Scalewise.Simulator.Wire;

/// <summary>Culture-invariant wire formats and response writing shared by the endpoints.</summary>
internal static class WireFormat
{
    public static string Seconds(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Precise(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => XmlConvert.ToString(span);

    public static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>An ARM error: <c>{"error":{"code","message","target"?}}</c>.</summary>
    public static Task WriteArmErrorAsync(HttpContext context, int statusCode, string code, string message, string? target = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (target is not null)
        {
            error["target"] = target;
        }

        context.Response.Headers["x-ms-failure-cause"] = statusCode >= 500 ? "service" : "gateway";
        return WriteJsonAsync(context, statusCode, new JsonObject { ["error"] = error });
    }

    /// <summary>An Azure Monitor metrics error, which is not wrapped in "error": <c>{"code","message"}</c>.</summary>
    public static Task WriteMetricsErrorAsync(HttpContext context, string message)
    {
        context.Response.Headers["x-ms-error-code"] = "BadRequest";
        return WriteJsonAsync(context, StatusCodes.Status400BadRequest, new JsonObject { ["code"] = "BadRequest", ["message"] = message });
    }
}
