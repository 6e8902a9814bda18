namespace Gateway.Routing;

/// <summary>One compiled rule; a null <see cref="Expression"/> is a catch-all (empty or whitespace match).</summary>
internal sealed record RouteRule(int Index, RouteExpression? Expression, string Path)
{
    /// <summary>How errors name the rule: <c>rules[1] (path '/widgets')</c>.</summary>
    public string Name => Describe(Index, Path);

    public static string Describe(int index, string path) => $"rules[{index}] (path '{path}')";
}
