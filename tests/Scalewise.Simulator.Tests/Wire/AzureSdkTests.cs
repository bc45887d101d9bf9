using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Azure.ResourceManager.Compute.Models;
using Scalewise.Simulator.Hosting;
using Scalewise.Simulator.ScaleSets;

namespace Scalewise.Simulator.Tests.Wire;

/// <summary>The Azure SDK the production adapters use (Azure.ResourceManager.Compute 1.2.0) works against the simulator.</summary>
public sealed class AzureSdkTests
{
    [Fact]
    public async Task ArmClient_GetAndUpdateCapacity_ReadsAndScalesScaleSet()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        var scaleSet = harness.AddScaleSet(capacity: 2);
        var arm = CreateArmClient(harness.Simulator);
        var resource = arm.GetVirtualMachineScaleSetResource(new ResourceIdentifier(SimulatorHarness.ScaleSetId));

        var before = await resource.GetAsync();
        var operation = await resource.UpdateAsync(WaitUntil.Started, new VirtualMachineScaleSetPatch { Sku = new ComputeSku { Capacity = 5 } });
        harness.Time.Advance(ScaleSetModel.DefaultProvisioningDelay);
        var after = await resource.GetAsync();

        Assert.Equal(2, before.Value.Data.Sku.Capacity);
        Assert.Equal("Standard_D2s_v3", before.Value.Data.Sku.Name);
        Assert.Equal(5, after.Value.Data.Sku.Capacity);
        Assert.Equal("Succeeded", after.Value.Data.ProvisioningState);
        Assert.Equal(5, scaleSet.ReadyInstances);
        Assert.NotNull(operation);
    }

    [Fact]
    public async Task ArmClient_ListVirtualMachines_ReturnsInstancesWithInstanceView()
    {
        await using var harness = await SimulatorHarness.StartAsync();
        harness.AddScaleSet(capacity: 3);
        var arm = CreateArmClient(harness.Simulator);
        var resource = arm.GetVirtualMachineScaleSetResource(new ResourceIdentifier(SimulatorHarness.ScaleSetId));

        var vms = new List<VirtualMachineScaleSetVmResource>();
        await foreach (var vm in resource.GetVirtualMachineScaleSetVms().GetAllAsync(expand: "instanceView"))
        {
            vms.Add(vm);
        }

        Assert.Equal(["0", "1", "2"], vms.Select(v => v.Data.InstanceId));
        Assert.All(vms, v => Assert.Equal("Succeeded", v.Data.ProvisioningState));
        Assert.All(vms, v => Assert.Contains(v.Data.InstanceView.Statuses, s => s.Code == "PowerState/running"));
    }

    private static ArmClient CreateArmClient(EstateSimulator simulator)
    {
        var options = new ArmClientOptions
        {
            Environment = new ArmEnvironment(simulator.BaseUri, "https://management.azure.com/"),
            Transport = new HttpClientTransport(SimulatorCertificateTrust.CreateHandler(simulator.CertificateThumbprint)),
        };
        options.Retry.MaxRetries = 0;
        return new ArmClient(new StaticToken(), "00000000-0000-0000-0000-000000000001", options);
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("simulator-token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
