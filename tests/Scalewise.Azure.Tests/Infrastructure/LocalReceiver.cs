using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Scalewise.Azure.Tests.Infrastructure;

/// <summary>A plain-HTTP receiver (Kestrel on 127.0.0.1, a free port) that records each request and answers with a fixed status.</summary>
internal sealed class LocalReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalReceiver(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static async Task<LocalReceiver> StartAsync(HttpStatusCode status)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LocalReceiver? receiver = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            receiver!.Requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType, body));
            context.Response.StatusCode = (int)status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new LocalReceiver(app, new Uri($"http://{IPAddress.Loopback}:{new Uri(address).Port}/"));
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    internal sealed record ReceivedRequest(string Method, string PathAndQuery, string? ContentType, string Body);
}
