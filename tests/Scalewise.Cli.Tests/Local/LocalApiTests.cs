using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalewise.Cli.Local;
using Scalewise.Orchestrations.Api;

namespace Scalewise.Cli.Tests.Local;

/// <summary>The local runner serves the same route table as the Functions app, under <c>/api</c>, plus its own procedure status.</summary>
public sealed class LocalApiTests
{
    [Fact]
    public async Task Map_EveryRouteOfTheApiTable_IsServedUnderApiWithItsMethod()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton<IApiHost, LocalApiHost>();
        await using var app = builder.Build();

        LocalApi.Map(app);

        var served = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var expected = ScalewiseApi.Routes.Select(r => $"{r.Method} /api/{r.Template}").Append($"GET /api/{LocalApi.ProcedureStatus}").ToHashSet();
        Assert.Equal(expected.Order(StringComparer.Ordinal), served.Order(StringComparer.Ordinal));
    }
}
