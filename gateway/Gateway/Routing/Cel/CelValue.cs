using System.Text.Json;

namespace Gateway.Routing.Cel;

/// <summary>
/// One value during evaluation. Lists and maps that come from the CloudEvent stay backed by
/// their <see cref="JsonElement"/> so nothing is copied; list literals hold their items.
/// JSON numbers become doubles, as they do in Dapr (Go decodes JSON numbers to float64).
/// </summary>
internal readonly struct CelValue
{
    private readonly long _bits;
    private readonly double _number;
    private readonly object? _reference;
    private readonly JsonElement _json;

    private CelValue(CelKind kind, long bits = 0, double number = 0, object? reference = null, JsonElement json = default)
    {
        Kind = kind;
        _bits = bits;
        _number = number;
        _reference = reference;
        _json = json;
    }

    public CelKind Kind { get; }

    public bool IsError => Kind == CelKind.Error;

    public string TypeName => NameOf(Kind);

    public bool AsBool => _bits != 0;

    public long AsInt => _bits;

    public ulong AsUInt => unchecked((ulong)_bits);

    public double AsDouble => _number;

    public string AsString => (string)_reference!;

    public string ErrorMessage => (string)_reference!;

    public static CelValue Null => new(CelKind.Null);

    public static CelValue Bool(bool value) => new(CelKind.Bool, bits: value ? 1 : 0);

    public static CelValue Int(long value) => new(CelKind.Int, bits: value);

    public static CelValue UInt(ulong value) => new(CelKind.UInt, bits: unchecked((long)value));

    public static CelValue Double(double value) => new(CelKind.Double, number: value);

    public static CelValue String(string value) => new(CelKind.String, reference: value);

    public static CelValue List(CelValue[] items) => new(CelKind.List, reference: items);

    public static CelValue Error(string message) => new(CelKind.Error, reference: message);

    public static CelValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new(CelKind.Map, json: element),
        JsonValueKind.Array => new(CelKind.List, json: element),
        JsonValueKind.String => String(element.GetString()!),
        JsonValueKind.Number => element.TryGetDouble(out var number) ? Double(number) : Error($"the number {element.GetRawText()} cannot be read as a double"),
        JsonValueKind.True => Bool(true),
        JsonValueKind.False => Bool(false),
        JsonValueKind.Null => Null,
        _ => Error("the event holds an undefined JSON value"),
    };

    /// <summary>The CEL name of a type, as used in "no such overload" messages.</summary>
    public static string NameOf(CelKind kind) => kind switch
    {
        CelKind.Null => "null_type",
        CelKind.Bool => "bool",
        CelKind.Int => "int",
        CelKind.UInt => "uint",
        CelKind.Double => "double",
        CelKind.String => "string",
        CelKind.List => "list",
        CelKind.Map => "map",
        _ => "error",
    };

    /// <summary>"an int", "a string": for messages.</summary>
    public static string WithArticle(string typeName) =>
        (typeName[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + typeName;

    /// <summary>Number of elements of a list, or of distinct keys of a map.</summary>
    public int Count => Kind == CelKind.Map
        ? FieldNames.Count
        : _reference is CelValue[] items ? items.Length : _json.GetArrayLength();

    public CelValue ElementAt(int index) =>
        _reference is CelValue[] items ? items[index] : FromJson(_json[index]);

    public IEnumerable<CelValue> Elements
    {
        get
        {
            if (_reference is CelValue[] items)
            {
                return items;
            }

            return _json.EnumerateArray().Select(FromJson);
        }
    }

    /// <summary>Distinct keys of a map; a key repeated in the JSON counts once, as in a Go map.</summary>
    public IReadOnlyCollection<string> FieldNames =>
        _json.EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal);

    public bool TryGetField(string name, out CelValue value)
    {
        if (_json.TryGetProperty(name, out var property))
        {
            value = FromJson(property);
            return true;
        }

        value = default;
        return false;
    }
}
