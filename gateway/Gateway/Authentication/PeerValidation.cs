using Gateway.Identity;

namespace Gateway.Authentication;

/// <summary>What the TLS handshake learned about the peer's certificate; kept on the connection.</summary>
/// <param name="Result">The X509-SVID verdict, or null when the peer sent no certificate.</param>
internal sealed record PeerValidation(SvidValidationResult? Result)
{
    /// <summary>The key under which the verdict is kept in the connection's items.</summary>
    public const string ConnectionItemKey = "gateway.peer-validation";

    /// <summary>
    /// The caller <see cref="CallerAuthenticator"/> made of a valid <see cref="Result"/>, kept for the connection's
    /// next requests: the certificate cannot change on a connection, and neither can the mapping of SPIFFE IDs
    /// while the process runs. Set by the first request (or by several at once on HTTP/2, all to the same value).
    /// </summary>
    public CallerAuthenticator.Identification? Identified { get; set; }
}
