using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Scalewise.Simulator;

/// <summary>The simulated resources, keyed by ARM resource id (case-insensitive, as ARM is).</summary>
public sealed class Estate
{
    private readonly ConcurrentDictionary<string, SimulatedScaleSet> scaleSets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ScaleOperation> operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger logger;

    public Estate(TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<Estate>();
    }

    public TimeProvider TimeProvider { get; }

    public IReadOnlyCollection<SimulatedScaleSet> ScaleSets => [.. scaleSets.Values];

    /// <summary>
    /// Adds a scale set with <paramref name="capacity"/> ready instances. <paramref name="resourceId"/> is
    /// /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachineScaleSets/{name}.
    /// </summary>
    public SimulatedScaleSet AddScaleSet(string resourceId, int capacity, ScaleSetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ScaleSetResourceId.TryParse(resourceId, out var id))
        {
            throw new ArgumentException(
                $"'{resourceId}' is not a scale set resource id; expected /subscriptions/{{sub}}/resourceGroups/{{rg}}/providers/Microsoft.Compute/virtualMachineScaleSets/{{name}}.",
                nameof(resourceId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        model.Validate();
        var scaleSet = new SimulatedScaleSet(id, capacity, model, TimeProvider, logger, RegisterOperation);
        if (!scaleSets.TryAdd(id.Id, scaleSet))
        {
            throw new InvalidOperationException($"The estate already has a scale set '{id.Id}'.");
        }

        return scaleSet;
    }

    public SimulatedScaleSet GetScaleSet(string resourceId) =>
        TryGetScaleSet(resourceId, out var scaleSet)
            ? scaleSet
            : throw new KeyNotFoundException($"The estate has no scale set '{resourceId}'.");

    public bool TryGetScaleSet(string resourceId, [NotNullWhen(true)] out SimulatedScaleSet? scaleSet)
    {
        scaleSet = null;
        return ScaleSetResourceId.TryParse(resourceId, out var id) && scaleSets.TryGetValue(id.Id, out scaleSet);
    }

    /// <summary>What the operation's status URL reports now, or null if no scale set ran it.</summary>
    public OperationSnapshot? GetOperation(string operationId) =>
        operations.TryGetValue(operationId, out var operation) ? operation.Owner.GetOperation(operationId) : null;

    private void RegisterOperation(ScaleOperation operation) => operations[operation.Id] = operation;
}
