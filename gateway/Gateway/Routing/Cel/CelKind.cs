namespace Gateway.Routing.Cel;

/// <summary>The runtime types a routing expression can produce. <see cref="Error"/> carries an evaluation error.</summary>
internal enum CelKind
{
    Null,
    Bool,
    Int,
    UInt,
    Double,
    String,
    List,
    Map,
    Error,
}
