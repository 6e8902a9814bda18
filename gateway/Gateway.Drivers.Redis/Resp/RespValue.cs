using System.Globalization;
using System.Text;

namespace Gateway.Drivers.Redis.Resp;

/// <summary>
/// One parsed reply. Which members carry the value depends on <see cref="Kind"/>: bytes for strings,
/// errors, big numbers and verbatim text; <see cref="Integer"/>, <see cref="Double"/> or
/// <see cref="Boolean"/> for numbers; <see cref="Items"/> for aggregates (a map as alternating keys and values).
/// </summary>
internal sealed class RespValue
{
    private static readonly IReadOnlyList<RespValue> NoItems = [];

    private RespValue(RespKind kind)
    {
        Kind = kind;
    }

    public static RespValue Null { get; } = new(RespKind.Null);

    public RespKind Kind { get; }

    /// <summary>The payload of strings, errors, big numbers and verbatim text (without its format prefix).</summary>
    public ReadOnlyMemory<byte> Bytes { get; private init; }

    public long Integer { get; private init; }

    public double Double { get; private init; }

    public bool Boolean { get; private init; }

    /// <summary>The three-letter format of a verbatim string, such as <c>txt</c> or <c>mkd</c>.</summary>
    public string? Format { get; private init; }

    public IReadOnlyList<RespValue> Items { get; private init; } = NoItems;

    public bool IsNull => Kind == RespKind.Null;

    public bool IsError => Kind == RespKind.Error;

    /// <summary>True for arrays, sets, maps and pushes.</summary>
    public bool IsAggregate => Kind is RespKind.Array or RespKind.Set or RespKind.Map or RespKind.Push;

    public static RespValue Text(RespKind kind, ReadOnlyMemory<byte> bytes, string? format = null) =>
        new(kind) { Bytes = bytes, Format = format };

    public static RespValue FromInteger(long value) => new(RespKind.Integer) { Integer = value };

    public static RespValue FromDouble(double value) => new(RespKind.Double) { Double = value };

    public static RespValue FromBoolean(bool value) => new(RespKind.Boolean) { Boolean = value };

    public static RespValue Aggregate(RespKind kind, IReadOnlyList<RespValue> items) => new(kind) { Items = items };

    /// <summary>The value as text: strings decoded as UTF-8, numbers in invariant culture, null as null.</summary>
    public string? AsString() => Kind switch
    {
        RespKind.Null => null,
        RespKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        RespKind.Double => Double.ToString("R", CultureInfo.InvariantCulture),
        RespKind.Boolean => Boolean ? "true" : "false",
        _ when IsAggregate => throw new InvalidOperationException($"A RESP {Kind} has no text form."),
        _ => Encoding.UTF8.GetString(Bytes.Span),
    };

    /// <summary>The value as an integer; RESP2 servers send some counters as bulk strings.</summary>
    public long AsInteger() => Kind switch
    {
        RespKind.Integer => Integer,
        RespKind.BulkString or RespKind.SimpleString when long.TryParse(Bytes.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new RespProtocolException($"expected an integer reply, got {Kind}"),
    };

    public override string ToString() => Kind switch
    {
        _ when IsAggregate => $"{Kind}[{Items.Count}]",
        RespKind.Null => "Null",
        _ => $"{Kind}({AsString()})",
    };
}
