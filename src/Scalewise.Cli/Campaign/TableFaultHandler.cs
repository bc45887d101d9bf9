namespace Scalewise.Cli.Campaign;

/// <summary>The HTTP handler under the campaign host's Table client: answers with a <see cref="TableFaults"/> fault or sends the request on to Azurite.</summary>
public sealed class TableFaultHandler(TableFaults faults) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        faults.TryFault(request) is { } fault ? Task.FromResult(fault) : base.SendAsync(request, cancellationToken);
}
