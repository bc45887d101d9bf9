namespace Scalewise.Simulator.Contracts;

/// <summary>The operations of the definition files whose services the simulator serves, matched by method and path template.</summary>
internal sealed class OperationCatalog
{
    /// <summary>The definitions the simulator answers to (their shared files are reached by <c>$ref</c>).</summary>
    public static readonly IReadOnlyList<string> ServedFiles =
    [
        "specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2023-07-01/virtualMachineScaleSet.json",
        "specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2023-07-01/virtualMachine.json",
        "specification/compute/resource-manager/Microsoft.Compute/DiskRP/stable/2023-04-02/snapshot.json",
        "specification/redis/resource-manager/Microsoft.Cache/stable/2024-11-01/redis.json",
        "specification/redisenterprise/resource-manager/Microsoft.Cache/stable/2025-08-01/redisenterprise.json",
        "specification/monitor/resource-manager/Microsoft.Insights/stable/2024-02-01/metrics_API.json",
        "specification/monitor/data-plane/Microsoft.Insights/stable/2024-02-01/metricBatch.json",
    ];

    private static readonly string[] Methods = ["get", "put", "patch", "post", "delete", "head"];

    private static readonly Lazy<OperationCatalog> ServedCatalog = new(() => new OperationCatalog(SpecLibrary.Embedded, ServedFiles));

    private readonly List<ContractOperation> operations = [];

    public OperationCatalog(SpecLibrary library, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        foreach (var file in files)
        {
            var document = library.Document(file);
            var apiVersion = document["info"]?["version"]?.GetValue<string>()
                ?? throw new InvalidOperationException($"'{file}' has no info.version.");
            foreach (var (template, pathNode) in document["paths"]?.AsObject() ?? [])
            {
                if (pathNode is not JsonObject pathItem)
                {
                    continue;
                }

                var shared = Parameters(library, file, pathItem["parameters"] as JsonArray);
                foreach (var method in Methods)
                {
                    if (pathItem[method] is not JsonObject operation)
                    {
                        continue;
                    }

                    // Operation parameters override path-level ones of the same name and place.
                    var own = Parameters(library, file, operation["parameters"] as JsonArray);
                    var merged = own.Concat(shared.Where(s => !own.Exists(o => Key(o) == Key(s)))).ToList();
                    var id = operation["operationId"]?.GetValue<string>() ?? $"{method.ToUpperInvariant()} {template}";
                    operations.Add(new ContractOperation(id, method.ToUpperInvariant(), template, apiVersion, file, merged));
                }
            }
        }
    }

    public static OperationCatalog Served => ServedCatalog.Value;

    public SpecLibrary Library { get; }

    public IReadOnlyList<ContractOperation> Operations => operations;

    /// <summary>Every operation whose template fits the path (any method), fewest multi-segment parameters first.</summary>
    public IReadOnlyList<(ContractOperation Operation, Dictionary<string, string> PathValues)> Match(string path)
    {
        var segments = path.Trim('/').Split('/');
        return [.. operations
            .Select(o => (Operation: o, PathValues: o.MatchPath(segments)))
            .Where(m => m.PathValues is not null)
            .Select(m => (m.Operation, m.PathValues!))
            .OrderBy(m => m.Item1.Segments.Count(s => s.StartsWith('{') && m.Item1.IsGreedy(s.Trim('{', '}'))))];
    }

    private static (string?, string?) Key(SpecNode parameter) => (parameter.Text("name"), parameter.Text("in"));

    private static List<SpecNode> Parameters(SpecLibrary library, string file, JsonArray? parameters) =>
        [.. (parameters ?? []).OfType<JsonObject>().Select(p => library.Resolve(new SpecNode(file, p)))];
}
