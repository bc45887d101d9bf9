using System.Globalization;
using Scalewise.Orchestrations.Procedures;

namespace Scalewise.LocalSupport;

/// <summary>
/// The local runner's <see cref="ProcedureClock"/>: load is replayed <see cref="Speed"/> times faster than real time, so a
/// policy's 2-minute warm-up lasts 2 minutes divided by the speed, as long relative to the replayed load as in production.
/// </summary>
public sealed class CompressedProcedureClock : ProcedureClock
{
    public CompressedProcedureClock(double speed)
    {
        if (!double.IsFinite(speed) || speed < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, string.Create(CultureInfo.InvariantCulture, $"The speed must be a finite number of at least 1, not {speed}."));
        }

        Speed = speed;
    }

    public double Speed { get; }

    public override TimeSpan ToWallClock(TimeSpan policyDuration) => TimeSpan.FromTicks((long)(policyDuration.Ticks / Speed));

    public override TimeSpan ToPolicyClock(TimeSpan wallClockDuration) => TimeSpan.FromTicks((long)(wallClockDuration.Ticks * Speed));
}
