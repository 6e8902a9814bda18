namespace Gateway.Resources;

/// <summary>Where a resource was declared.</summary>
/// <param name="File">Path relative to the resources directory, with <c>/</c> separators.</param>
/// <param name="Line">1-based line of the document's first field.</param>
internal sealed record ResourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
