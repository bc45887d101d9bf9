using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Scalewise.Simulator.Contracts;

/// <summary>
/// Checks a request against the official definition of its operation before the simulator serves it: the path and method
/// exist, the api-version is the definition's, required parameters are present and valid, and the body fits the schema.
/// Stricter than Azure on purpose: unknown body properties, which Azure ignores silently, are refused.
/// </summary>
internal sealed class RequestContract(OperationCatalog catalog)
{
    private readonly SchemaWalker walker = new(catalog.Library);

    public static RequestContract Served { get; } = new(OperationCatalog.Served);

    public async Task<ContractViolation?> CheckAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (IsComputeOperationStatus(path))
        {
            // Compute's operation URLs are handed out in Azure-AsyncOperation/Location headers; no definition describes them.
            return null;
        }

        var matches = catalog.Match(path);
        if (matches.Count == 0)
        {
            return new ContractViolation(404, "InvalidResourceType", $"No operation of the definitions the simulator serves has the path '{path}'.", null);
        }

        var byMethod = matches.Where(m => m.Operation.Method.Equals(request.Method, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byMethod.Count == 0)
        {
            var allowed = string.Join(", ", matches.Select(m => m.Operation.Method).Distinct());
            return new ContractViolation(405, "MethodNotAllowed", $"The method '{request.Method}' is not defined for '{path}'; the definitions have {allowed}.", null);
        }

        var apiVersion = request.Query["api-version"].ToString();
        var (operation, pathValues) = byMethod.Find(m => m.Operation.ApiVersion.Equals(apiVersion, StringComparison.OrdinalIgnoreCase));
        if (operation is null)
        {
            var versions = string.Join(", ", byMethod.Select(m => m.Operation.ApiVersion).Distinct());
            return new ContractViolation(
                400,
                "InvalidApiVersionParameter",
                $"The api-version '{apiVersion}' is not defined for {byMethod[0].Operation.OperationId}; the definitions the simulator serves have {versions}.",
                "api-version");
        }

        foreach (var parameter in operation.Parameters)
        {
            var violation = parameter.Text("in") switch
            {
                "path" => CheckPath(parameter, pathValues),
                "query" => CheckQuery(parameter, request.Query),
                "body" => await CheckBodyAsync(parameter, context).ConfigureAwait(false),
                _ => null,
            };
            if (violation is not null)
            {
                return violation;
            }
        }

        return null;
    }

    private ContractViolation? CheckPath(SpecNode parameter, Dictionary<string, string> pathValues)
    {
        var name = parameter.Text("name")!;

        // A path parameter not in the template is the data plane's host ({endpoint}), which a request does not carry.
        return pathValues.TryGetValue(name, out var value) && !parameter.Flag("x-ms-skip-url-encoding")
            ? walker.ValidateParameter(value, parameter, name)
            : null;
    }

    private ContractViolation? CheckQuery(SpecNode parameter, IQueryCollection query)
    {
        var name = parameter.Text("name")!;
        if (name == "api-version")
        {
            return null;
        }

        var value = query[name].ToString();
        if (value.Length == 0)
        {
            return parameter.Flag("required")
                ? new ContractViolation(400, "MissingRequiredParameter", $"The query parameter '{name}' is required.", name)
                : null;
        }

        return walker.ValidateParameter(value, parameter, name);
    }

    private async Task<ContractViolation?> CheckBodyAsync(SpecNode parameter, HttpContext context)
    {
        var name = parameter.Text("name") ?? "body";
        var request = context.Request;
        request.EnableBuffering();
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        request.Body.Position = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return parameter.Flag("required")
                ? new ContractViolation(400, "MissingRequiredParameter", $"The request body ('{name}') is required.", name)
                : null;
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            return new ContractViolation(400, "InvalidRequestContent", $"The request content was invalid and could not be deserialized: '{ex.Message}'.", null);
        }

        return parameter.Child("schema") is { } schema ? walker.Validate(body, schema, string.Empty) : null;
    }

    private static bool IsComputeOperationStatus(string path)
    {
        var segments = path.Trim('/').Split('/');
        return segments.Length == 8
            && segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            && segments[3].Equals("Microsoft.Compute", StringComparison.OrdinalIgnoreCase)
            && segments[4].Equals("locations", StringComparison.OrdinalIgnoreCase)
            && segments[6].Equals("operations", StringComparison.OrdinalIgnoreCase);
    }
}
