using System.Diagnostics.CodeAnalysis;

namespace Gateway.Identity;

/// <summary>
/// A SPIFFE ID parsed strictly (see <see cref="SpiffeIdSyntax"/>): the exact string from a certificate or
/// configuration, never normalised. Two IDs are equal when their strings are ordinally equal.
/// </summary>
internal sealed class SpiffeId : IEquatable<SpiffeId>
{
    private readonly string value;

    private SpiffeId(string value, string trustDomain, string path)
    {
        this.value = value;
        TrustDomain = trustDomain;
        Path = path;
    }

    /// <summary>The trust domain name, e.g. <c>example.org</c> (always lower case).</summary>
    public string TrustDomain { get; }

    /// <summary>The path including its leading slash, e.g. <c>/ns/default/orders</c>; empty for a root ID.</summary>
    public string Path { get; }

    /// <summary>True for <c>spiffe://td</c>, which names a trust domain and can never identify a workload.</summary>
    public bool IsRoot => Path.Length == 0;

    /// <summary>The path split on '/', without the empty leading part; empty for a root ID.</summary>
    public string[] Segments => IsRoot ? [] : Path[1..].Split('/');

    /// <summary>Parses <paramref name="value"/>; on failure <paramref name="error"/> holds go-spiffe's message.</summary>
    public static bool TryParse(string? value, [MaybeNullWhen(false)] out SpiffeId id, out string error)
    {
        var problem = SpiffeIdSyntax.Check(value, out var trustDomain, out var path);
        if (problem is not null)
        {
            id = null;
            error = problem;
            return false;
        }

        id = new SpiffeId(value!, trustDomain, path);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses <paramref name="value"/> or throws <see cref="FormatException"/> naming the value.</summary>
    public static SpiffeId Parse(string value)
    {
        if (!TryParse(value, out var id, out var error))
        {
            throw new FormatException($"'{value}' is not a valid SPIFFE ID: {error}.");
        }

        return id;
    }

    /// <summary>Builds <c>spiffe://trustDomain</c>; throws <see cref="FormatException"/> for an invalid name.</summary>
    public static SpiffeId ForTrustDomain(string trustDomain)
    {
        var id = Parse(SpiffeIdSyntax.SchemePrefix + trustDomain);
        if (!id.IsRoot)
        {
            throw new FormatException($"'{trustDomain}' is not a valid trust domain: it contains '/'.");
        }

        return id;
    }

    /// <summary>True when this ID belongs to <paramref name="trustDomain"/> (ordinal comparison).</summary>
    public bool IsMemberOf(string trustDomain) => string.Equals(TrustDomain, trustDomain, StringComparison.Ordinal);

    public bool Equals(SpiffeId? other) =>
        other is not null && string.Equals(value, other.value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as SpiffeId);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);

    /// <summary>The canonical string, identical to the parsed input.</summary>
    public override string ToString() => value;

    public static bool operator ==(SpiffeId? left, SpiffeId? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(SpiffeId? left, SpiffeId? right) => !(left == right);
}
