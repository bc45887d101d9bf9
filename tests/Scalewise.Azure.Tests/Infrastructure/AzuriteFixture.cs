using Azure.Data.Tables;
using Scalewise.LocalSupport;

namespace Scalewise.Azure.Tests.Infrastructure;

/// <summary>One Azurite (Tables only, free ports, in memory) for the whole test run.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    public AzuriteProcess Azurite => azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public TableServiceClient CreateTableServiceClient() => new(Azurite.ConnectionString);

    public async Task InitializeAsync()
    {
        var root = AzuriteProcess.FindRepositoryRoot(AppContext.BaseDirectory);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        azurite = await AzuriteProcess.StartAsync(root, tablesOnly: true, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
