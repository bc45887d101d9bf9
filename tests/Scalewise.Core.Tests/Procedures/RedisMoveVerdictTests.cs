using Scalewise.Core.Procedures;
using Scalewise.Core.Tests.Redis;

namespace Scalewise.Core.Tests.Procedures;

public sealed class RedisMoveVerdictTests
{
    [Fact]
    public void For_NameThatIsNoRedisSize_IsRefusedSayingWhatIsAccepted()
    {
        var verdict = RedisMoveVerdict.For(RedisMovePlannerTests.Sku("Standard C1"), "Standard_X9", acceptDataLoss: false);

        Assert.False(verdict.IsAllowed);
        Assert.StartsWith("refused: 'Standard_X9' is not a Redis size", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void For_MoveAzureDoesNotAllow_IsRefusedNamingTheRule()
    {
        var verdict = RedisMoveVerdict.For(RedisMovePlannerTests.Sku("Standard C2"), "Basic_C2", acceptDataLoss: true);

        Assert.False(verdict.IsAllowed);
        Assert.StartsWith("refused by rule NoLowerTier:", verdict.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void For_BasicResize_IsAllowedOnlyWhenThePolicyAcceptsDataLoss(bool acceptDataLoss, bool allowed)
    {
        var verdict = RedisMoveVerdict.For(RedisMovePlannerTests.Sku("Basic C1"), "Basic_C2", acceptDataLoss);

        Assert.Equal(allowed, verdict.IsAllowed);
        Assert.Equal(allowed, verdict.Summary.StartsWith("1 operation(s), budget 20 min:", StringComparison.Ordinal));
        if (!allowed)
        {
            Assert.EndsWith("The policy does not accept data loss (set acceptDataLoss to resize a Basic cache).", verdict.Refusal, StringComparison.Ordinal);
        }
    }
}
