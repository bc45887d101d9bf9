using Microsoft.Extensions.Options;

namespace Scalewise.Orchestrations.Procedures;

/// <summary>Checks <see cref="ProcedureTiming"/> when the host starts; each failure names the setting.</summary>
internal sealed class ProcedureTimingValidator : IValidateOptions<ProcedureTiming>
{
    public ValidateOptionsResult Validate(string? name, ProcedureTiming options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Positive(nameof(ProcedureTiming.ProvisioningPollInterval), options.ProvisioningPollInterval);
        Positive(nameof(ProcedureTiming.ProvisioningTimeout), options.ProvisioningTimeout);
        Positive(nameof(ProcedureTiming.DefaultRetryAfter), options.DefaultRetryAfter);
        Positive(nameof(ProcedureTiming.EmergencyPollInterval), options.EmergencyPollInterval);
        Positive(nameof(ProcedureTiming.EmergencyVerifyInterval), options.EmergencyVerifyInterval);
        Positive(nameof(ProcedureTiming.EmergencyObservationPeriod), options.EmergencyObservationPeriod);
        Positive(nameof(ProcedureTiming.EmergencyObservationInterval), options.EmergencyObservationInterval);
        if (options.EmergencyVerifyChecks < 1)
        {
            failures.Add($"{ProcedureTiming.SectionName}:{nameof(ProcedureTiming.EmergencyVerifyChecks)} is {options.EmergencyVerifyChecks}; it must be 1 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(string setting, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{ProcedureTiming.SectionName}:{setting} is {value}; it must be longer than zero (hh:mm:ss, such as 00:00:15).");
            }
        }
    }
}
