using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Scalewise.Functions.Tests.Http;

/// <summary>
/// One call of an HTTP function as the Functions host makes it with the ASP.NET Core integration: a real
/// <see cref="DefaultHttpContext"/> with the request's body, the trigger's <see cref="HttpRequestData"/> over it, and
/// response data that writes through to the HTTP response, as the integration's does.
/// </summary>
internal sealed class FunctionsHttpCall
{
    private readonly CallContext functionContext;
    private readonly List<ResponseData> responses = [];

    public FunctionsHttpCall(string method, string path, string? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        Http = new DefaultHttpContext();
        Http.Request.Method = method;
        Http.Request.Scheme = "https";
        Http.Request.Host = new HostString("scalewise-func.azurewebsites.net");
        var query = path.IndexOf('?', StringComparison.Ordinal);
        Http.Request.Path = query < 0 ? path : path[..query];
        Http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        Http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));
        if (body is not null)
        {
            Http.Request.ContentType = "application/json";
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            Http.Request.Headers[name] = value;
        }

        Http.Response.Body = new MemoryStream();
        var services = new ServiceCollection();
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(new JsonSerializerOptions { PropertyNameCaseInsensitive = true }));
        functionContext = new CallContext(Http, services.BuildServiceProvider());
        Request = new RequestData(functionContext, Http, responses);
    }

    public DefaultHttpContext Http { get; }

    /// <summary>The trigger's request, to pass to the function.</summary>
    public HttpRequestData Request { get; }

    public HttpResponse Response => Http.Response;

    /// <summary>Runs what the function returned, as the integration's middleware does, and reads the body written.</summary>
    public async Task<string> CompleteAsync(IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        await result.ExecuteAsync(Http);
        foreach (var response in responses)
        {
            foreach (var header in response.Headers)
            {
                Http.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        Http.Response.Body.Position = 0;
        using var reader = new StreamReader(Http.Response.Body);
        return await reader.ReadToEndAsync();
    }

    /// <summary>
    /// The function's context: the integration keeps the invocation's HttpContext in Items["HttpRequestContext"], where
    /// <c>GetHttpContext()</c> reads it, and the worker's serializer in the instance services.
    /// </summary>
    private sealed class CallContext(HttpContext http, IServiceProvider services) : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

        public override string FunctionId => "test";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object> { ["HttpRequestContext"] = http };

        public override IInvocationFeatures Features => throw new NotSupportedException();

        public override CancellationToken CancellationToken => http.RequestAborted;
    }

    private sealed class RequestData(FunctionContext context, HttpContext http, List<ResponseData> responses) : HttpRequestData(context)
    {
        public override Stream Body => http.Request.Body;

        public override HttpHeadersCollection Headers { get; } = new(http.Request.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value.ToArray()!)));

        public override IReadOnlyCollection<IHttpCookie> Cookies => [];

        public override Uri Url => new(http.Request.GetDisplayUrl());

        public override IEnumerable<ClaimsIdentity> Identities => [];

        public override string Method => http.Request.Method;

        public override HttpResponseData CreateResponse()
        {
            var response = new ResponseData(FunctionContext, http.Response);
            responses.Add(response);
            return response;
        }
    }

    /// <summary>Status and body go straight to the HTTP response; headers are copied to it when the call completes.</summary>
    private sealed class ResponseData(FunctionContext context, HttpResponse response) : HttpResponseData(context)
    {
        public override System.Net.HttpStatusCode StatusCode
        {
            get => (System.Net.HttpStatusCode)response.StatusCode;
            set => response.StatusCode = (int)value;
        }

        public override HttpHeadersCollection Headers { get; set; } = new();

        public override Stream Body
        {
            get => response.Body;
            set => response.Body = value;
        }

        public override HttpCookies Cookies => throw new NotSupportedException();
    }
}
