namespace Scalewise.Backtest.Frontiers;

/// <summary>
/// A baseline replayed across its main knob: one <see cref="FrontierPoint"/> per setting, in knob order. Comparing a policy
/// with it at the policy's own cost says whether the policy is better or merely spends more.
/// </summary>
public sealed record Frontier(string Strategy, string Knob, IReadOnlyList<FrontierPoint> Points)
{
    /// <summary>
    /// The points no other point beats on both counts (as cheap or cheaper and as few violations or fewer, one of them
    /// strictly), cheapest first: the best this baseline does at each cost.
    /// </summary>
    public IReadOnlyList<FrontierPoint> Efficient()
    {
        var efficient = new List<FrontierPoint>();
        foreach (var point in Points.OrderBy(p => p.InstanceMinutes).ThenBy(p => p.SloViolationMinutes))
        {
            if (efficient.Count == 0 || point.SloViolationMinutes < efficient[^1].SloViolationMinutes)
            {
                efficient.Add(point);
            }
        }

        return efficient;
    }

    /// <summary>
    /// The violation minutes this baseline has at <paramref name="instanceMinutes"/> of cost: linear between the two efficient
    /// points whose costs bracket it; null when the cost is outside the frontier's range (no setting was that cheap or that dear).
    /// </summary>
    public double? ViolationsAt(long instanceMinutes)
    {
        var efficient = Efficient();
        if (efficient.Count == 0 || instanceMinutes < efficient[0].InstanceMinutes)
        {
            return null;
        }

        for (var i = 0; i < efficient.Count; i++)
        {
            var high = efficient[i];
            if (high.InstanceMinutes == instanceMinutes)
            {
                return high.SloViolationMinutes;
            }

            if (i > 0 && high.InstanceMinutes > instanceMinutes)
            {
                var low = efficient[i - 1];
                var share = (instanceMinutes - low.InstanceMinutes) / (double)(high.InstanceMinutes - low.InstanceMinutes);
                return low.SloViolationMinutes + ((high.SloViolationMinutes - low.SloViolationMinutes) * share);
            }
        }

        return null;
    }
}
