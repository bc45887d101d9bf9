using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Scalewise.Azure.Arm;

namespace Scalewise.Azure.Tests.Contracts;

/// <summary>
/// Stands in for ARM (outside the process): answers each request with the next canned answer whose method and path end
/// match, built from an official example's response, and records what the adapter sent.
/// </summary>
internal sealed class ExampleArm : HttpMessageHandler
{
    private readonly List<(string Method, string PathEnd, int Status, JsonNode? Body, Dictionary<string, string> Headers)> answers = [];

    public List<(string Method, Uri Uri, string? Body)> Requests { get; } = [];

    public ExampleArm Answer(string method, string pathEnd, int status, JsonNode? body = null, Dictionary<string, string>? headers = null)
    {
        answers.Add((method, pathEnd, status, body, headers ?? []));
        return this;
    }

    /// <summary>An ARM connection whose every call reaches this stand-in.</summary>
    public ArmConnection Connect() =>
        new(new ArmConnectionOptions { Endpoint = new Uri("https://management.example.test/"), StaticBearerToken = "example-token" }, new HttpClientTransport(this));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Requests.Add((request.Method.Method, request.RequestUri!, body));
        var path = request.RequestUri!.AbsolutePath.TrimEnd('/');
        var index = answers.FindIndex(a => a.Method.Equals(request.Method.Method, StringComparison.OrdinalIgnoreCase)
            && path.Contains(a.PathEnd, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent($"{{\"error\":{{\"code\":\"NoExample\",\"message\":\"no example answer for {request.Method} {path}\"}}}}", Encoding.UTF8, "application/json"),
            };
        }

        var answer = answers[index];
        answers.RemoveAt(index);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            Content = answer.Body is null ? new ByteArrayContent([]) : new StringContent(answer.Body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
