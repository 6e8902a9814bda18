using Gateway.Identity;

namespace Gateway.Authentication;

/// <summary>What the TLS handshake learned about the peer's certificate; kept on the connection.</summary>
/// <param name="Result">The X509-SVID verdict, or null when the peer sent no certificate.</param>
internal sealed record PeerValidation(SvidValidationResult? Result)
{
    /// <summary>The key under which the verdict is kept in the connection's items.</summary>
    public const string ConnectionItemKey = "gateway.peer-validation";
}
