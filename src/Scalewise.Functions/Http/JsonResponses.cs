using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;
using Scalewise.Core.Serialization;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Functions.Http;

/// <summary>How the HTTP functions answer: a value as JSON, or a problem as <c>application/problem+json</c> with its status.</summary>
internal static class JsonResponses
{
    public static async Task<HttpResponseData> WriteJsonAsync<T>(HttpRequestData request, HttpStatusCode status, T value, string contentType = "application/json")
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", contentType);
        await response.WriteStringAsync(JsonSerializer.Serialize(value, ScalewiseJson.Options)).ConfigureAwait(false);
        return response;
    }

    public static Task<HttpResponseData> WriteProblemAsync(HttpRequestData request, ApiProblem problem) =>
        WriteJsonAsync(request, (HttpStatusCode)problem.Status, problem, ApiProblem.ContentType);

    /// <summary>200 with <paramref name="found"/>, or <paramref name="problem"/> when nothing was found.</summary>
    public static Task<HttpResponseData> WriteFoundAsync<T>(HttpRequestData request, T? found, ApiProblem? problem)
        where T : class =>
        found is null
            ? WriteProblemAsync(request, problem ?? throw new ArgumentNullException(nameof(problem), "Nothing found and no problem to say why."))
            : WriteJsonAsync(request, HttpStatusCode.OK, found);
}
