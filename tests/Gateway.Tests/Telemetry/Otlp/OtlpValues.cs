namespace Gateway.Tests.Telemetry.Otlp;

/// <summary>OTLP's common messages: <c>KeyValue</c>, <c>AnyValue</c> and <c>Resource</c>.</summary>
internal static class OtlpValues
{
    /// <summary>The attributes (field 1) of a <c>Resource</c>.</summary>
    public static IReadOnlyDictionary<string, object> Attributes(ReadOnlyMemory<byte> resource) =>
        KeyValues(ProtoReader.Messages(resource, 1));

    /// <summary>KeyValue: key = 1, value = 2 (AnyValue: string 1, bool 2, int 3, double 4).</summary>
    public static IReadOnlyDictionary<string, object> KeyValues(IEnumerable<ReadOnlyMemory<byte>> keyValues)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var keyValue in keyValues)
        {
            var fields = ProtoReader.Fields(keyValue);
            var key = fields.First(f => f.Number == 1).Text;
            var value = fields.Where(f => f.Number == 2).Select(f => ProtoReader.Fields(f.Bytes)).FirstOrDefault() ?? [];
            result[key] = value.Count == 0 ? "" : Value(value[0]);
        }

        return result;
    }

    private static object Value(ProtoField field) => field.Number switch
    {
        1 => field.Text,
        2 => field.Scalar != 0,
        3 => (long)field.Scalar,
        4 => field.AsDouble,
        _ => $"(AnyValue field {field.Number})",
    };
}
