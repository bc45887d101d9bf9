using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalewise.Azure.Targets;
using Scalewise.Core.Ports;

namespace Scalewise.Azure.Tests.Targets;

public sealed class TargetControllerRegistrationTests
{
    [Fact]
    public async Task AddScalewiseAzure_Always_RegistersVmAndRedisControllersAndBindsTargetOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scalewise:Arm:StaticBearerToken"] = "local",
            ["Scalewise:Arm:Endpoint"] = "https://127.0.0.1:1/",
            ["Scalewise:Targets:RedisExportContainer"] = "https://backups.blob.core.windows.net/redis?sig=x",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScalewiseAzure(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<VirtualMachineController>(provider.GetRequiredService<IVirtualMachineController>());
        Assert.IsType<RedisCacheController>(provider.GetRequiredService<IRedisCacheController>());
        Assert.IsType<RedisEnterpriseController>(provider.GetRequiredService<IRedisEnterpriseController>());
        Assert.Equal(new Uri("https://backups.blob.core.windows.net/redis?sig=x"), provider.GetRequiredService<IOptions<ArmTargetOptions>>().Value.RedisExportContainer);
    }
}
