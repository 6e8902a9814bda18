namespace Gateway.Resources;

/// <summary>One problem found while loading resources: an error or a warning.</summary>
/// <param name="File">Path relative to the resources directory.</param>
/// <param name="Line">1-based line; 0 when the problem concerns the whole file or directory.</param>
/// <param name="Name">The resource's <c>metadata.name</c>, when it could be read.</param>
/// <param name="Kind">The resource's <c>kind</c>, when it could be read.</param>
/// <param name="Message">What is wrong and what to do about it.</param>
internal sealed record ResourceError(string File, int Line, string? Name, string? Kind, string Message)
{
    /// <summary>1-based position of the YAML document in its file; used when the name is unknown.</summary>
    public int? Document { get; init; }

    /// <summary>True for a warning that says a document or resource was skipped (not loaded), as Dapr skips it.</summary>
    public bool Skipped { get; init; }

    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        if (Name is not null)
        {
            var kind = Kind is null ? string.Empty : $" ({Kind})";
            return $"{where}: resource '{Name}'{kind}: {Message}";
        }

        if (Document is { } document)
        {
            var kind = Kind is null ? string.Empty : $" ({Kind})";
            return $"{where}: document {document}{kind}: {Message}";
        }

        return $"{where}: {Message}";
    }
}
