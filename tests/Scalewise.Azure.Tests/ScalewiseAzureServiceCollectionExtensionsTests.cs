using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Metrics;
using Scalewise.Azure.Notifications;
using Scalewise.Azure.Tables;
using Scalewise.Azure.Targets;
using Scalewise.Azure.Tests.Infrastructure;
using Scalewise.Core.Decisions;
using Scalewise.Core.Ports;

namespace Scalewise.Azure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ScalewiseAzureServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScalewiseAzure(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddScalewiseAzure_TablesConnectionString_StoresWorkAgainstIt()
    {
        await using var provider = Build(new()
        {
            ["Scalewise:Tables:ConnectionString"] = azurite.Azurite.ConnectionString,
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Arm:Endpoint"] = "https://127.0.0.1:1/",
        });
        var policyId = TestData.UniqueId("di");

        var store = provider.GetRequiredService<ITargetStateStore>();
        await store.SaveAsync(new TargetState(policyId, null, null, 4), null, CancellationToken.None);

        Assert.Equal(4, (await store.GetAsync(policyId, CancellationToken.None)).State.LastKnownCapacity);
        Assert.IsType<TablePolicyStore>(provider.GetRequiredService<IPolicyStore>());
        Assert.IsType<TableDecisionLog>(provider.GetRequiredService<IDecisionLog>());
        Assert.IsType<TableProcedureHistory>(provider.GetRequiredService<IProcedureHistory>());
        Assert.IsType<ScaleSetController>(provider.GetRequiredService<ITargetController>());
        Assert.IsType<WebhookNotifier>(Assert.Single(Assert.IsType<CompositeNotifier>(provider.GetRequiredService<INotifier>()).Channels).Notifier);
        Assert.NotNull(provider.GetRequiredService<IMetricReader>());
    }

    [Fact]
    public async Task AddScalewiseAzure_EventGridAndTeamsWithoutWebhook_SendsToThoseTwo()
    {
        await using var provider = Build(new()
        {
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Notifications:EventGridTopicEndpoint"] = "https://topic.westeurope-1.eventgrid.azure.net/api/events",
            ["Scalewise:Notifications:TeamsWebhookUrl"] = "https://example.webhook.office.com/webhookb2/x",
        });

        var notifier = Assert.IsType<CompositeNotifier>(provider.GetRequiredService<INotifier>());

        Assert.Equal(["Event Grid", "Teams"], notifier.Channels.Select(c => c.Name));
    }

    [Theory]
    [InlineData(null, typeof(AzureMonitorMetricReader))]
    [InlineData("false", typeof(AzureMonitorMetricReader))]
    [InlineData("true", typeof(BatchMetricReader))]
    public async Task AddScalewiseAzure_MetricsUseBatch_ChoosesTheReader(string? useBatch, Type expected)
    {
        await using var provider = Build(new()
        {
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Arm:Endpoint"] = "https://127.0.0.1:1/",
            ["Scalewise:Metrics:UseBatch"] = useBatch,
            ["Scalewise:Metrics:BatchEndpoint"] = "https://127.0.0.1:1/",
        });

        Assert.IsType(expected, provider.GetRequiredService<IMetricReader>());
    }

    [Fact]
    public async Task AddScalewiseAzure_MaxConcurrentCallsZero_ExplainsWhichSettingIsWrong()
    {
        await using var provider = Build(new()
        {
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Arm:Endpoint"] = "https://127.0.0.1:1/",
            ["Scalewise:Metrics:MaxConcurrentCalls"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMetricReader>());

        Assert.Contains("Scalewise:Metrics:MaxConcurrentCalls", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 or more", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/")]
    [InlineData("management.azure.com")]
    public async Task AddScalewiseAzure_ArmEndpointNotHttps_ExplainsWhichSettingIsWrong(string endpoint)
    {
        await using var provider = Build(new()
        {
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Arm:Endpoint"] = endpoint,
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMetricReader>());

        Assert.Contains("Scalewise:Arm:Endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScalewiseAzure_BatchEndpointNotAUrl_StopsTheHostAtStartNamingTheSetting()
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(builder => builder.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scalewise:Arm:StaticBearerToken"] = "local",
                ["Scalewise:Tables:ConnectionString"] = "UseDevelopmentStorage=true",
                ["Scalewise:Metrics:UseBatch"] = "true",
                ["Scalewise:Metrics:BatchEndpoint"] = "not a url",
            }))
            .ConfigureServices((context, services) => services.AddScalewiseAzure(context.Configuration))
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Scalewise:Metrics:BatchEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScalewiseAzure_TablesNotConfigured_StopsTheHostAtStartNamingBothSettings()
    {
        using var host = Host.CreateDefaultBuilder()
            .ConfigureAppConfiguration(builder => builder.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scalewise:Arm:StaticBearerToken"] = "local",
            }))
            .ConfigureServices((context, services) => services.AddScalewiseAzure(context.Configuration))
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Scalewise:Tables:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scalewise:Tables:ServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScalewiseAzure_TablesServiceUriNotAnAbsoluteUri_ExplainsWhichSettingIsWrong()
    {
        await using var provider = Build(new()
        {
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Tables:ServiceUri"] = "account.table.core.windows.net",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPolicyStore>());

        Assert.Contains("'Scalewise:Tables:ServiceUri' is 'account.table.core.windows.net', which is not an absolute URI", error.Message, StringComparison.Ordinal);
    }
}
