namespace Gateway.Routing.Cel;

/// <summary>A problem in the expression text, at a 0-based character index. Never leaves the parser.</summary>
internal sealed class CelSyntaxException(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
