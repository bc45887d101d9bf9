using Scalewise.Core.Decisions;

namespace Scalewise.Core.Pricing;

/// <summary>
/// What one unit of a SKU costs an hour for a policy: the app's price table first, else the policy's ladder (or the
/// default ladder of its kind); null when neither knows the SKU, and then no cost cap can be enforced on it.
/// </summary>
public static class SkuPrices
{
    public static decimal? HourlyPrice(PriceTable? prices, ScalingPolicy policy, string? sku)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (prices is not null && prices.TryGetHourlyPrice(sku, out var price))
        {
            return price;
        }

        var ladder = policy.Ladder ?? DefaultSkuLadders.For(policy.Target.Kind);
        for (var i = 0; i < ladder.Count; i++)
        {
            if (string.Equals(ladder[i].Name, sku, StringComparison.OrdinalIgnoreCase))
            {
                return ladder[i].HourlyPrice;
            }
        }

        return null;
    }

    /// <summary>
    /// Why a change to <paramref name="toCapacity"/> × <paramref name="toSku"/> breaks the policy's <c>maxHourlyCost</c>, or null
    /// when it does not: it costs more an hour than the cap and more than the target costs now. Every path that adds cost is
    /// held to it (manual, scheduled, predictive, fallback); an emergency only when the policy does not let emergencies
    /// exceed it (<see cref="EmergencyScaling.ExceedCostCap"/>). An unpriced SKU is not held (the decision notes it).
    /// </summary>
    public static string? CapBreach(ScalingPolicy policy, PriceTable? prices, DecisionKind kind, string? fromSku, int fromCapacity, string? toSku, int toCapacity)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.MaxHourlyCost is not { } cap
            || (kind == DecisionKind.Emergency && policy.Emergency is { ExceedCostCap: true })
            || HourlyPrice(prices, policy, toSku) is not { } price)
        {
            return null;
        }

        var cost = price * toCapacity;
        var now = HourlyPrice(prices, policy, fromSku) is { } current ? current * fromCapacity : 0m;
        return cost > cap && cost > now
            ? string.Create(CultureInfo.InvariantCulture, $"{toCapacity} × {toSku} costs {cost:0.####} an hour ({price:0.####} each), over the policy's maxHourlyCost of {cap:0.####}{(kind == DecisionKind.Emergency ? " (the policy does not let emergencies exceed it: emergency.exceedCostCap)" : string.Empty)}")
            : null;
    }
}
