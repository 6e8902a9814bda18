using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Gateway.LoadGen.Http;
using Gateway.LoadGen.Load;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.LoadGen.Targets;

/// <summary>
/// Dapr's gRPC <c>PublishEvent</c> (unary calls, Dapr.Protos' generated client) to the gateway's one mTLS port, with
/// the publisher's client certificate. With <paramref name="sharedChannel"/> every worker calls through one channel,
/// as a DaprClient does (its calls multiplexed on one HTTP/2 connection); otherwise each worker has its own channel
/// and so its own connection, as each HTTP worker has its own keep-alive connection. A worker sends one call at a time.
/// </summary>
internal sealed class GrpcTarget(IPEndPoint endpoint, string pubsub, string topic, byte[] payload, TlsClientSettings tls, bool sharedChannel) : ILoadTarget
{
    private readonly Lazy<GrpcChannel> _shared = new(() => Channel(endpoint, tls));

    public int MessagesPerSend => 1;

    public ValueTask<IMessageSender> CreateSenderAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IMessageSender>(new Sender(sharedChannel ? _shared.Value : Channel(endpoint, tls), ownsChannel: !sharedChannel, pubsub, topic, payload));

    public ValueTask DisposeAsync()
    {
        if (_shared.IsValueCreated)
        {
            _shared.Value.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static GrpcChannel Channel(IPEndPoint endpoint, TlsClientSettings tls) => GrpcChannel.ForAddress($"https://{endpoint}", new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            SslOptions = tls.Options("127.0.0.1", http11Only: false),
        },
        DisposeHttpClient = true,
    });

    private sealed class Sender : IMessageSender
    {
        private readonly GrpcChannel _channel;
        private readonly bool _ownsChannel;
        private readonly Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient _client;
        private readonly byte[] _payload;
        private readonly int[] _stampOffsets;
        private readonly PublishEventRequest _request;

        public Sender(GrpcChannel channel, bool ownsChannel, string pubsub, string topic, byte[] payload)
        {
            _channel = channel;
            _ownsChannel = ownsChannel;
            _client = new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(_channel);
            _payload = (byte[])payload.Clone();
            _stampOffsets = Payload.StampOffsets(_payload);
            _request = new PublishEventRequest { PubsubName = pubsub, Topic = topic, DataContentType = "application/json", Data = UnsafeByteOperations.UnsafeWrap(_payload) };
        }

        public async ValueTask<string?> SendAsync(long stamp, CancellationToken cancellationToken)
        {
            Payload.Write(_payload, _stampOffsets, stamp);
            try
            {
                await _client.PublishEventAsync(_request, cancellationToken: cancellationToken);
                return null;
            }
            catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
            {
                return "grpc " + ex.StatusCode;
            }
        }

        public ValueTask DisposeAsync()
        {
            if (_ownsChannel)
            {
                _channel.Dispose();
            }

            return ValueTask.CompletedTask;
        }
    }
}
