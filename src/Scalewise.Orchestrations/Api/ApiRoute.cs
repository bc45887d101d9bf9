namespace Scalewise.Orchestrations.Api;

/// <summary>
/// One route of the HTTP API: the function's name in the Functions app, the HTTP method, the template under <c>/api</c>,
/// and the handler (a plain method whose parameters minimal APIs bind: route values, <c>HttpRequest</c>, services, cancellation).
/// </summary>
public sealed record ApiRoute(string Name, string Method, string Template, Delegate Handler);
