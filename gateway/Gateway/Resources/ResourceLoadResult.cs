namespace Gateway.Resources;

/// <summary>The outcome of <see cref="ResourceLoader.Load"/>.</summary>
/// <param name="Resources">The loaded set; null when there is at least one error.</param>
/// <param name="Errors">Every error found, ordered by file and line.</param>
/// <param name="Warnings">Things that were ignored or look suspicious but do not stop loading.</param>
internal sealed record ResourceLoadResult(
    ResourceSet? Resources,
    IReadOnlyList<ResourceError> Errors,
    IReadOnlyList<ResourceError> Warnings)
{
    public bool Succeeded => Resources is not null;

    /// <summary>The secret files the load read or tried to read (full paths), valid or not: live reload watches them.</summary>
    public IReadOnlyList<string> SecretFiles { get; init; } = [];
}
