using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scalewise.Simulator.Contracts;

/// <summary>
/// Checks a JSON value against a Swagger 2.0 schema of the definitions: <c>$ref</c> across files, <c>allOf</c>, types,
/// required and unknown properties (refused, spelled exactly), <c>additionalProperties</c>, closed enums (case-insensitive),
/// numeric and length bounds, patterns. Read-only properties are accepted and not checked further; <c>null</c> stands for
/// "not set"; <c>format</c> is not checked. The first violation is returned, naming its JSON path.
/// </summary>
internal sealed class SchemaWalker(SpecLibrary library)
{
    private const string Code = "InvalidRequestContent";

    private const string ValueCode = "InvalidParameter";

    public ContractViolation? Validate(JsonNode? value, SpecNode schema, string path)
    {
        var resolved = library.Resolve(schema);
        if (value is null || resolved.Flag("readOnly"))
        {
            return null;
        }

        if (resolved.Node["enum"] is JsonArray && EnumViolation(value, resolved, path) is { } enumViolation)
        {
            return enumViolation;
        }

        var shape = Shape.Of(library, resolved);
        var type = resolved.Text("type") ?? (shape.IsObject ? "object" : null);
        return type switch
        {
            "object" => ValidateObject(value, shape, path),
            "array" => ValidateArray(value, resolved, path),
            "string" => value.GetValueKind() == JsonValueKind.String ? ValidateString(value.GetValue<string>(), resolved, path) : Wrong(path, "a string", value),
            "integer" => value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<decimal>(out var whole) && decimal.Truncate(whole) == whole
                ? ValidateNumber(whole, resolved, path) : Wrong(path, "a whole number", value),
            "number" => value.GetValueKind() == JsonValueKind.Number ? ValidateNumber(value.GetValue<decimal>(), resolved, path) : Wrong(path, "a number", value),
            "boolean" => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : Wrong(path, "true or false", value),
            _ => null,
        };
    }

    /// <summary>A scalar parameter value (path or query) checked against its parameter's type, enum and bounds.</summary>
    public ContractViolation? ValidateParameter(string text, SpecNode parameter, string name)
    {
        JsonNode? value = parameter.Text("type") switch
        {
            "integer" or "number" when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            "boolean" when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
            "array" => new JsonArray([.. text.Split(Separator(parameter), StringSplitOptions.TrimEntries).Select(item => (JsonNode?)JsonValue.Create(item))]),
            "integer" or "number" or "boolean" => null,
            _ => JsonValue.Create(text),
        };
        if (value is null)
        {
            return new ContractViolation(400, "InvalidParameter", $"The value '{text}' of parameter '{name}' is not a valid {parameter.Text("type")}.", name);
        }

        return Validate(value, parameter, name) is { } violation ? violation with { Code = ValueCode } : null;
    }

    private static char Separator(SpecNode parameter) => parameter.Text("collectionFormat") switch
    {
        "ssv" => ' ',
        "tsv" => '\t',
        "pipes" => '|',
        _ => ',',
    };

    private ContractViolation? ValidateObject(JsonNode value, Shape shape, string path)
    {
        if (value is not JsonObject body)
        {
            return Wrong(path, "an object", value);
        }

        if (shape.Required.FirstOrDefault(r => !body.ContainsKey(r)) is { } missing)
        {
            return new ContractViolation(400, Code, $"The property '{Join(path, missing)}' is required by '{shape.Name}'.", Join(path, missing));
        }

        foreach (var (name, child) in body)
        {
            if (shape.Properties.TryGetValue(name, out var property))
            {
                if (Validate(child, property, Join(path, name)) is { } violation)
                {
                    return violation;
                }
            }
            else if (shape.Additional is { } additional)
            {
                if (Validate(child, additional, Join(path, name)) is { } violation)
                {
                    return violation;
                }
            }
            else if (!shape.IsOpen)
            {
                return new ContractViolation(400, Code, UnknownMessage(shape, path, name), Join(path, name));
            }
        }

        return null;
    }

    private string UnknownMessage(Shape shape, string path, string name)
    {
        var allowed = shape.Properties.Keys.Order(StringComparer.Ordinal).ToList();
        var message = $"Could not find member '{name}' on object of type '{shape.Name}' at '{Join(path, name)}': the definition allows {string.Join(", ", allowed.Select(a => $"'{a}'"))}.";
        if (allowed.Find(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } spelled)
        {
            return message + $" Did you mean '{Join(path, spelled)}'? Property names are matched exactly.";
        }

        // A property one level down with that name is the usual mistake (Redis_Update's sku sits at properties.sku).
        foreach (var (outer, schema) in shape.Properties)
        {
            var inner = Shape.Of(library, library.Resolve(schema));
            if (inner.Properties.ContainsKey(name))
            {
                return message + $" Did you mean '{Join(Join(path, outer), name)}'?";
            }
        }

        return message;
    }

    private ContractViolation? ValidateArray(JsonNode value, SpecNode schema, string path)
    {
        if (value is not JsonArray array)
        {
            return Wrong(path, "an array", value);
        }

        if (schema.Node["maxItems"] is JsonValue max && array.Count > max.GetValue<int>())
        {
            return new ContractViolation(400, ValueCode, $"'{path}' has {array.Count} items; at most {max} are allowed.", path);
        }

        var items = schema.Child("items");
        for (var i = 0; items is not null && i < array.Count; i++)
        {
            if (Validate(array[i], items.Value, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }

    private static ContractViolation? ValidateString(string text, SpecNode schema, string path)
    {
        if (schema.Node["minLength"] is JsonValue min && text.Length < min.GetValue<int>())
        {
            return new ContractViolation(400, ValueCode, $"'{path}' must be at least {min} characters long.", path);
        }

        if (schema.Node["maxLength"] is JsonValue max && text.Length > max.GetValue<int>())
        {
            return new ContractViolation(400, ValueCode, $"'{path}' must be at most {max} characters long.", path);
        }

        if (schema.Text("pattern") is { } pattern && !Matches(text, pattern))
        {
            return new ContractViolation(400, ValueCode, $"The value '{text}' of '{path}' does not match the pattern {pattern}.", path);
        }

        return null;
    }

    /// <summary>ECMA patterns of the definitions; one .NET cannot read is not held against the request.</summary>
    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static ContractViolation? ValidateNumber(decimal number, SpecNode schema, string path)
    {
        if (schema.Node["minimum"] is JsonValue min && number < min.GetValue<decimal>())
        {
            return new ContractViolation(400, ValueCode, $"'{path}' is {number.ToString(CultureInfo.InvariantCulture)}; the minimum is {min}.", path);
        }

        if (schema.Node["maximum"] is JsonValue max && number > max.GetValue<decimal>())
        {
            return new ContractViolation(400, ValueCode, $"'{path}' is {number.ToString(CultureInfo.InvariantCulture)}; the maximum is {max}.", path);
        }

        return null;
    }

    private static ContractViolation? EnumViolation(JsonNode value, SpecNode schema, string path)
    {
        // x-ms-enum modelAsString: the list is open (Azure adds values without a new api-version), as ARM treats it.
        if (schema.Node["x-ms-enum"]?["modelAsString"] is JsonValue open && open.TryGetValue<bool>(out var isOpen) && isOpen)
        {
            return null;
        }

        var allowed = schema.Node["enum"]!.AsArray().Select(e => e?.ToJsonString().Trim('"') ?? "null").ToList();
        var given = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return allowed.Exists(a => a.Equals(given, StringComparison.OrdinalIgnoreCase))
            ? null
            : new ContractViolation(400, ValueCode, $"The value '{given}' of '{path}' is not one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}.", path);
    }

    private static ContractViolation Wrong(string path, string expected, JsonNode value) =>
        new(400, ValueCode, $"'{(path.Length == 0 ? "(body)" : path)}' must be {expected}, not {value.ToJsonString()}.", path.Length == 0 ? null : path);

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
