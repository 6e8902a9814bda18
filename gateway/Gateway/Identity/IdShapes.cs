using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Gateway.Identity;

/// <summary>
/// Maps SPIFFE IDs to <see cref="AppIdentity"/> using the shape configured for each trust domain
/// (<see cref="IdShape.Dapr"/> unless configured otherwise). Segment counts must match exactly: extra or
/// missing segments are refused rather than guessed at, unlike Dapr's own lenient split.
/// </summary>
internal sealed class IdShapes
{
    private readonly FrozenDictionary<string, IdShape> shapeByTrustDomain;

    /// <summary>Creates the mapping; trust domains not listed use <paramref name="defaultShape"/>.</summary>
    public IdShapes(IEnumerable<KeyValuePair<string, IdShape>>? perTrustDomain = null, IdShape defaultShape = IdShape.Dapr)
    {
        shapeByTrustDomain = (perTrustDomain ?? []).ToFrozenDictionary(StringComparer.Ordinal);
        DefaultShape = defaultShape;
    }

    /// <summary>The Dapr shape for every trust domain.</summary>
    public static IdShapes DaprOnly { get; } = new();

    /// <summary>
    /// Builds the mapping from configuration (trust domain → <c>dapr</c> or <c>k8s-sa</c>). Throws
    /// <see cref="InvalidOperationException"/> naming every bad entry.
    /// </summary>
    public static IdShapes FromConfiguration(IReadOnlyDictionary<string, string> shapes)
    {
        var parsed = new List<KeyValuePair<string, IdShape>>();
        var problems = new List<string>();
        foreach (var (trustDomain, name) in shapes)
        {
            if (!SpiffeId.TryParse(SpiffeIdSyntax.SchemePrefix + trustDomain, out var id, out _) || !id.IsRoot)
            {
                problems.Add($"Gateway:IdShapes: '{trustDomain}' is not a valid trust domain");
            }
            else if (name switch { "dapr" => IdShape.Dapr, "k8s-sa" => IdShape.KubernetesServiceAccount, _ => (IdShape?)null } is { } shape)
            {
                parsed.Add(new(trustDomain, shape));
            }
            else
            {
                problems.Add($"Gateway:IdShapes:{trustDomain}: shape '{name}' is not recognised; use 'dapr' or 'k8s-sa'");
            }
        }

        return problems.Count == 0 ? new IdShapes(parsed) : throw new InvalidOperationException(string.Join("; ", problems));
    }

    /// <summary>The shape used for trust domains without their own entry.</summary>
    public IdShape DefaultShape { get; }

    /// <summary>The shape configured for <paramref name="trustDomain"/> (ordinal lookup).</summary>
    public IdShape ShapeFor(string trustDomain) =>
        shapeByTrustDomain.TryGetValue(trustDomain, out var shape) ? shape : DefaultShape;

    /// <summary>
    /// Maps <paramref name="id"/> to an app identity; on failure <paramref name="reason"/> says which shape
    /// was expected and what the ID looked like instead.
    /// </summary>
    public bool TryMap(SpiffeId id, [NotNullWhen(true)] out AppIdentity? identity, out string reason)
    {
        var shape = ShapeFor(id.TrustDomain);
        var segments = id.Segments;
        identity = shape switch
        {
            IdShape.Dapr when segments is ["ns", var ns, var appId] =>
                new AppIdentity(id, id.TrustDomain, ns, appId),
            IdShape.KubernetesServiceAccount when segments is ["ns", var ns, "sa", var serviceAccount] =>
                new AppIdentity(id, id.TrustDomain, ns, serviceAccount),
            _ => null,
        };

        reason = identity is null ? Mismatch(id, shape, segments.Length) : string.Empty;
        return identity is not null;
    }

    /// <summary>The SPIFFE ID an app must present under this mapping, e.g. for deliveries to it.</summary>
    public SpiffeId ExpectedId(string trustDomain, string @namespace, string appId) =>
        SpiffeId.Parse(ShapeFor(trustDomain) switch
        {
            IdShape.KubernetesServiceAccount => $"spiffe://{trustDomain}/ns/{@namespace}/sa/{appId}",
            _ => $"spiffe://{trustDomain}/ns/{@namespace}/{appId}",
        });

    private static string Mismatch(SpiffeId id, IdShape shape, int segmentCount)
    {
        var (template, expectedSegments) = shape switch
        {
            IdShape.KubernetesServiceAccount => ("spiffe://<trust-domain>/ns/<namespace>/sa/<service-account>", 4),
            _ => ("spiffe://<trust-domain>/ns/<namespace>/<app-id>", 3),
        };

        var detail = segmentCount == expectedSegments
            ? "the fixed segments do not match"
            : $"expected {expectedSegments} path segments, found {segmentCount}";
        return $"SPIFFE ID '{id}' does not have the shape configured for trust domain '{id.TrustDomain}' " +
            $"({template}): {detail}";
    }
}
