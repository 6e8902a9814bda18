using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>
/// The gateway's calls to the Workload API. Every call carries <c>workload.spiffe.io: true</c>, which the
/// standard requires (a server refuses a call without it), so no call is made around this class.
/// </summary>
internal sealed class WorkloadApiClient : IDisposable
{
    /// <summary>The metadata header every Workload API request must carry.</summary>
    public const string SecurityHeader = "workload.spiffe.io";

    private static readonly Grpc.Core.Metadata Headers = new() { { SecurityHeader, "true" } };

    private readonly GrpcChannel _channel;
    private readonly SpiffeWorkloadAPI.SpiffeWorkloadAPIClient _client;

    public WorkloadApiClient(WorkloadApiEndpoint endpoint)
    {
        Endpoint = endpoint;
        _channel = endpoint.CreateChannel();
        _client = new SpiffeWorkloadAPI.SpiffeWorkloadAPIClient(_channel);
    }

    public WorkloadApiEndpoint Endpoint { get; }

    /// <summary>The stream of the gateway's X509-SVIDs and bundles; each message is the whole current state.</summary>
    public AsyncServerStreamingCall<X509SVIDResponse> FetchX509Svid(CancellationToken cancellationToken) =>
        _client.FetchX509SVID(new X509SVIDRequest(), new CallOptions(Headers, cancellationToken: cancellationToken));

    /// <summary>The stream of JWT bundles (JWKS per trust domain); each message is the whole current state.</summary>
    public AsyncServerStreamingCall<JWTBundlesResponse> FetchJwtBundles(CancellationToken cancellationToken) =>
        _client.FetchJWTBundles(new JWTBundlesRequest(), new CallOptions(Headers, cancellationToken: cancellationToken));

    public void Dispose() => _channel.Dispose();
}
