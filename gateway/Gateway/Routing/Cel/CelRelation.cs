namespace Gateway.Routing.Cel;

/// <summary>The relational operators, which share one precedence level in CEL.</summary>
internal enum CelRelation
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
}
