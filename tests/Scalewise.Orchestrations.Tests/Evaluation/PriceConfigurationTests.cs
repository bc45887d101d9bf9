using Microsoft.Extensions.Configuration;
using Scalewise.Orchestrations.Evaluation;

namespace Scalewise.Orchestrations.Tests.Evaluation;

public sealed class PriceConfigurationTests
{
    [Fact]
    public void Read_PricesPerSku_GivesEachSkusHourlyPriceWhateverItsCase()
    {
        var prices = PriceConfiguration.Read(Configuration(("Standard_D2s_v3", "0.096"), ("Premium_P1", "0.555"), ("Standard_C1", "")));

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
    public void Read_PriceNotANonNegativeNumber_NamesTheKey(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PriceConfiguration.Read(Configuration(("Standard_D2s_v3", value))));

        Assert.StartsWith($"Scalewise:Prices:Standard_D2s_v3 is '{value}'; use the SKU's hourly price", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Sku, string Price)[] prices) =>
        new ConfigurationBuilder().AddInMemoryCollection(prices.Select(p => KeyValuePair.Create<string, string?>($"Scalewise:Prices:{p.Sku}", p.Price))).Build();
}
