namespace Gateway.Resources;

/// <summary><c>spec.protocol</c> of an <c>App</c>: how the gateway delivers to it (Dapr's <c>--app-protocol</c>).</summary>
internal enum AppProtocol
{
    /// <summary>HTTP POSTs to its routes, <c>GET /dapr/subscribe</c> (the default).</summary>
    Http,

    /// <summary>
    /// gRPC <c>AppCallback</c>: <c>OnTopicEvent</c>, <c>OnBulkTopicEventAlpha1</c>, <c>ListTopicSubscriptions</c>.
    /// Over mTLS for an <c>https</c> baseUrl (Dapr's <c>grpcs</c>), over cleartext HTTP/2 for an allowed <c>http</c> one.
    /// </summary>
    Grpc,
}
