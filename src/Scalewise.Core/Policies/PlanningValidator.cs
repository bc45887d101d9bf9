using Scalewise.Core.Scheduling;

namespace Scalewise.Core.Policies;

/// <summary>Checks a policy's <c>schedule</c>, <c>predictive</c> and <c>emergency</c> settings (paths under <c>$.schedule</c>, <c>$.predictive</c>, <c>$.emergency</c>).</summary>
internal static class PlanningValidator
{
    public static void Validate(ScalingPolicy policy, List<PolicyError> errors)
    {
        if (policy.Schedule is { } schedule)
        {
            ValidateSchedule(schedule, policy.Capacity, errors);
        }

        if (policy.Predictive is { } predictive)
        {
            ValidatePredictive(predictive, errors);
        }

        if (policy.Emergency is { } emergency)
        {
            ValidateEmergency(emergency, errors);
        }
    }

    private static void ValidateSchedule(Schedule schedule, CapacityBounds? bounds, List<PolicyError> errors)
    {
        foreach (var error in ScheduleValidator.Validate(schedule))
        {
            errors.Add(new("$.schedule" + error.Path[1..], error.Message));
        }

        if (bounds is null)
        {
            return;
        }

        // Bounds are law: a window narrows the policy's bounds, it never widens them (the procedure guard checks the policy's).
        void Check(WindowCapacity? capacity, string path)
        {
            if (capacity is null)
            {
                return;
            }

            if (capacity.Minimum < bounds.Minimum || capacity.Maximum > bounds.Maximum)
            {
                errors.Add(new(path + ".capacity", Format(
                    $"the window's bounds {capacity.Minimum} to {capacity.Maximum} go outside the policy's {bounds.Minimum} to {bounds.Maximum}; a window may only narrow them (set the policy's minimum to 0 for a shutdown window).")));
            }
        }

        for (var i = 0; i < (schedule.Windows?.Count ?? 0); i++)
        {
            Check(schedule.Windows![i]?.Capacity, $"$.schedule.windows[{i}]");
        }

        for (var i = 0; i < (schedule.FixedWindows?.Count ?? 0); i++)
        {
            Check(schedule.FixedWindows![i]?.Capacity, $"$.schedule.fixedWindows[{i}]");
        }
    }

    private static void ValidatePredictive(PredictiveScaling predictive, List<PolicyError> errors)
    {
        if (!Enum.IsDefined(predictive.Mode))
        {
            errors.Add(new("$.predictive.mode", $"mode '{predictive.Mode}' is unknown; use {PolicyValidator.Names<PredictiveMode>()}."));
        }

        if (string.IsNullOrWhiteSpace(predictive.MetricName))
        {
            errors.Add(new("$.predictive.metricName", "the metric to forecast is required, such as \"Requests\"."));
        }

        if (!(predictive.TargetPerInstance > 0) || double.IsInfinity(predictive.TargetPerInstance))
        {
            errors.Add(new("$.predictive.targetPerInstance", Format($"targetPerInstance {predictive.TargetPerInstance} must be a positive number: the hourly demand one instance serves, such as 60000.")));
        }

        if (predictive.ProvisioningTime is { } provisioning && (provisioning < TimeSpan.Zero || provisioning > TimeSpan.FromHours(2)))
        {
            errors.Add(new("$.predictive.provisioningTime", $"provisioning time {PolicyValidator.Iso(provisioning)} is out of range; use PT0S to PT2H, such as \"PT5M\"."));
        }

        if (!Enum.IsDefined(predictive.MaxCapacityBreach))
        {
            errors.Add(new("$.predictive.maxCapacityBreach", $"'{predictive.MaxCapacityBreach}' is unknown; use {PolicyValidator.Names<MaxCapacityBreach>()}."));
        }

        if (predictive.MaxCapacityBuffer is < 0 or > 100 || double.IsNaN(predictive.MaxCapacityBuffer))
        {
            errors.Add(new("$.predictive.maxCapacityBuffer", Format($"buffer {predictive.MaxCapacityBuffer} is out of range; use a percentage from 0 to 100.")));
        }
        else if (predictive.MaxCapacityBuffer > 0 && predictive.MaxCapacityBreach == MaxCapacityBreach.HonorMaxCapacity)
        {
            errors.Add(new("$.predictive.maxCapacityBuffer", "a buffer only applies with \"maxCapacityBreach\": \"IncreaseMaxCapacity\"; remove it or set that."));
        }
    }

    private static void ValidateEmergency(EmergencyScaling emergency, List<PolicyError> errors)
    {
        if (emergency.GrowthMetric is null && emergency.ErrorMetric is null)
        {
            errors.Add(new("$.emergency", "name a \"growthMetric\" (such as \"Requests\") and/or an \"errorMetric\"; critical tiers need no setting here."));
        }

        if (emergency.GrowthPercent is <= 0 or > 1000 || double.IsNaN(emergency.GrowthPercent))
        {
            errors.Add(new("$.emergency.growthPercent", Format($"growth {emergency.GrowthPercent}% is out of range; use more than 0 and at most 1000, such as 30.")));
        }

        if (emergency.ErrorMetric is not null && emergency.ErrorThreshold is null)
        {
            errors.Add(new("$.emergency.errorThreshold", "an error metric needs the value at which it is an emergency, such as 5 (percent of requests failing)."));
        }

        if (emergency.TargetPerInstance is { } perInstance && !(perInstance > 0))
        {
            errors.Add(new("$.emergency.targetPerInstance", Format($"targetPerInstance {perInstance} must be positive: the growth metric's value per minute one instance serves.")));
        }

        if (emergency.LookAhead is { } lookAhead && (lookAhead <= TimeSpan.Zero || lookAhead > TimeSpan.FromHours(1)))
        {
            errors.Add(new("$.emergency.lookAhead", $"look-ahead {PolicyValidator.Iso(lookAhead)} is out of range; use more than PT0S and at most PT1H, such as \"PT5M\"."));
        }

        PolicyValidator.ValidateIngestionLatency(emergency.IngestionLatency, "$.emergency", errors);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
