using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Scalewise.Core.Serialization;

/// <summary>Reads and writes <see cref="TimeSpan"/> as an ISO 8601 duration ("PT5M"), as Azure autoscale settings do.</summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new JsonException("Expected an ISO 8601 duration such as \"PT5M\".");
        }

        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException ex)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration; use a value such as \"PT5M\" or \"PT30S\".", ex);
        }
        catch (OverflowException ex)
        {
            throw new JsonException($"'{text}' is longer than any duration can be (about 29,000 years); use a value such as \"PT5M\" or \"P1D\".", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(XmlConvert.ToString(value));
    }
}
