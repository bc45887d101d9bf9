using System.Text.Json;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Functions.Tests.Http;

/// <summary>What every error answer of the API must be: the status, problem+json, and the field it names.</summary>
internal static class ProblemAssert
{
    public static JsonElement Named(FunctionsHttpCall call, string body, int status, string field)
    {
        Assert.Equal(status, call.Response.StatusCode);
        Assert.Equal(ApiProblem.ContentType, call.Response.ContentType);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        return problem;
    }
}
