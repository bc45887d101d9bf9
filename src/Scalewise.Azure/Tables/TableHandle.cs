namespace Scalewise.Azure.Tables;

/// <summary>A table that is created on first use, once per process (a failed creation is tried again on the next use).</summary>
internal sealed class TableHandle(TableServiceClient service, string tableName)
{
    private readonly Lock gate = new();
    private Task<TableClient>? creation;

    public string Name => tableName;

    public Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (creation is null || creation.IsFaulted || creation.IsCanceled)
            {
                creation = CreateAsync();
            }

            return creation.WaitAsync(cancellationToken);
        }
    }

    private async Task<TableClient> CreateAsync()
    {
        var client = service.GetTableClient(tableName);

        // Not tied to one caller's token: the creation is shared by every caller that waits for it.
        await client.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
        return client;
    }
}
