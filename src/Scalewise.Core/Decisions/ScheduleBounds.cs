using Scalewise.Core.Scheduling;

namespace Scalewise.Core.Decisions;

/// <summary>
/// The bounds in force for a policy at an instant. Precedence: an active fixed-date window over an active recurring window over
/// the policy's own <see cref="ScalingPolicy.Capacity"/> (the default). A window's minimum and maximum replace the policy's
/// while it is active (the validator keeps them inside the policy's), so reactive rules act inside them and a scale-in never
/// goes below the window's floor.
/// </summary>
public static class ScheduleBounds
{
    public static ActiveScheduleWindow? ActiveWindow(ScalingPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Schedule is { } schedule ? ScheduleEvaluator.ActiveWindow(schedule, now) : null;
    }

    public static CapacityBounds For(ScalingPolicy policy, ActiveScheduleWindow? window)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (window is null)
        {
            return policy.Capacity;
        }

        var capacity = window.Capacity;
        var start = capacity.Desired ?? Math.Clamp(policy.Capacity.Default, capacity.Minimum, capacity.Maximum);
        return new CapacityBounds(capacity.Minimum, capacity.Maximum, start);
    }

    /// <summary>The capacity a target should move to when <paramref name="window"/> comes into force: its desired, else the current one clamped into its bounds.</summary>
    public static int Target(ScalingPolicy policy, ActiveScheduleWindow? window, int currentCapacity)
    {
        var bounds = For(policy, window);
        return window?.Capacity.Desired is { } desired ? desired : bounds.Clamp(currentCapacity);
    }

    /// <summary>The policy with the bounds in force at <paramref name="window"/> as its capacity.</summary>
    public static ScalingPolicy Apply(ScalingPolicy policy, ActiveScheduleWindow? window) =>
        window is null ? policy : policy with { Capacity = For(policy, window) };

    public static string Describe(ActiveScheduleWindow? window) => window is null
        ? "no schedule window is in force (the policy's own bounds)"
        : DecisionText.Format($"schedule window '{window.Name}' ({window.Kind.ToString().ToLowerInvariant()}, {window.Capacity.Minimum} to {window.Capacity.Maximum}{(window.Capacity.Desired is { } d ? DecisionText.Format($", desired {d}") : string.Empty)}) is in force until {window.EndsAt:u}");
}
