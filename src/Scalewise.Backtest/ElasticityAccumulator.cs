namespace Scalewise.Backtest;

/// <summary>
/// Builds <see cref="ElasticityMetrics"/> one minute at a time, so a replay needs no second pass. Minutes without
/// data are left out, and so are the steps into and out of them.
/// </summary>
public sealed class ElasticityAccumulator
{
    /// <summary>The floor of the demand a shortfall or surplus is divided by (ε in the SPEC formulas): one instance.</summary>
    public const double Epsilon = 1;

    private double underShare;
    private double overShare;
    private int underMinutes;
    private int overMinutes;
    private int minutes;
    private int steps;
    private int unstableSteps;
    private int supplyChanges;
    private int demandChanges;
    private int previousDemand = -1;
    private int previousSupply;

    /// <summary>Adds one minute: <paramref name="demand"/> instances needed (negative: no data), <paramref name="supply"/> instances ready.</summary>
    public void Add(int demand, int supply)
    {
        if (demand < 0)
        {
            previousDemand = -1;
            return;
        }

        minutes++;
        var divisor = Math.Max(demand, Epsilon);
        if (demand > supply)
        {
            underShare += (demand - supply) / divisor;
            underMinutes++;
        }
        else if (supply > demand)
        {
            overShare += (supply - demand) / divisor;
            overMinutes++;
        }

        if (previousDemand >= 0)
        {
            steps++;
            var supplyStep = Math.Sign(supply - previousSupply);
            var demandStep = Math.Sign(demand - previousDemand);
            if (supplyStep != demandStep)
            {
                unstableSteps++;
            }

            if (supplyStep != 0)
            {
                supplyChanges++;
            }

            if (demandStep != 0)
            {
                demandChanges++;
            }
        }

        previousDemand = demand;
        previousSupply = supply;
    }

    public ElasticityMetrics Result()
    {
        if (minutes == 0)
        {
            return new ElasticityMetrics(0, 0, 0, 0, 0, 0);
        }

        var hours = minutes / 60.0;
        return new ElasticityMetrics(
            100 * underShare / minutes,
            100 * overShare / minutes,
            100.0 * underMinutes / minutes,
            100.0 * overMinutes / minutes,
            (supplyChanges - demandChanges) / hours,
            steps == 0 ? 0 : 100.0 * unstableSteps / steps);
    }
}
