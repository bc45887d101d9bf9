using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalewise.Core.Pricing;
using Scalewise.Orchestrations.Evaluation;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>The settings the procedures read ("Scalewise:Prices", "Scalewise:Procedures"), as the hosts register them.</summary>
public sealed class PriceConfigurationTests
{
    [Fact]
    public void PriceTable_PricesPerSku_GivesEachSkusHourlyPriceWhateverItsCase()
    {
        using var services = Services(("Scalewise:Prices:Standard_D2s_v3", "0.096"), ("Scalewise:Prices:Premium_P1", "0.555"), ("Scalewise:Prices:Standard_C1", ""));

        var prices = services.GetRequiredService<PriceTable>();

        Assert.True(prices.TryGetHourlyPrice("standard_d2s_v3", out var vm));
        Assert.Equal(0.096m, vm);
        Assert.True(prices.TryGetHourlyPrice("Premium_P1", out var redis));
        Assert.Equal(0.555m, redis);
        Assert.False(prices.TryGetHourlyPrice("Standard_C1", out _));
    }

    [Theory]
    [InlineData("cheap")]
    [InlineData("-1")]
    [InlineData("0,096")]
    public void PriceTable_PriceNotANonNegativeNumber_NamesTheKey(string value)
    {
        using var services = Services(("Scalewise:Prices:Standard_D2s_v3", value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PriceTable>());

        Assert.Contains($"Scalewise:Prices:Standard_D2s_v3 is '{value}'; use the SKU's hourly price", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcedureTiming_Settings_AreTheWaitsProceduresMake()
    {
        using var services = Services(("Scalewise:Procedures:ProvisioningPollInterval", "00:00:02"), ("Scalewise:Procedures:EmergencyVerifyChecks", "3"));

        var timing = services.GetRequiredService<ProcedureTiming>();

        Assert.Equal(TimeSpan.FromSeconds(2), timing.ProvisioningPollInterval);
        Assert.Equal(3, timing.EmergencyVerifyChecks);
        Assert.Equal(TimeSpan.FromMinutes(30), timing.ProvisioningTimeout);
    }

    [Theory]
    [InlineData("ProvisioningPollInterval", "00:00:00", "it must be longer than zero")]
    [InlineData("ProvisioningTimeout", "-00:01:00", "it must be longer than zero")]
    [InlineData("EmergencyVerifyChecks", "0", "it must be 1 or more")]
    public void ProcedureTiming_SettingOutOfRange_NamesTheSetting(string setting, string value, string expected)
    {
        using var services = Services(($"Scalewise:Procedures:{setting}", value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ProcedureTiming>());

        Assert.Contains($"Scalewise:Procedures:{setting} is ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>(s.Key, s.Value))).Build();
        return new ServiceCollection().AddScalewiseProcedures(configuration).BuildServiceProvider();
    }
}
