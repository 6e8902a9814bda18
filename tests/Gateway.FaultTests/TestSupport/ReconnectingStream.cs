using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Dapr.AppCallback.Autogen.Grpc.v1;
using Dapr.Client.Autogen.Grpc.v1;
using Gateway.Tests.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// An app without an inbound port, written on Dapr.Protos' client: it holds a streaming subscription open to
/// whatever address <see cref="Address"/> names, reopens it whenever it breaks (the gateway died, restarted on
/// another port), answers SUCCESS to each event after a short pause (so events are in flight when a kill lands),
/// and counts every event by the <c>id</c> in its data.
/// </summary>
internal sealed class ReconnectingStream : IAsyncDisposable
{
    private static readonly TimeSpan AppLatency = TimeSpan.FromMilliseconds(20);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _certificate;
    private readonly string _pubsub;
    private readonly string _topic;
    private readonly Task _running;

    public ReconnectingStream(Uri address, X509Certificate2 ca, X509Certificate2 certificate, string pubsub, string topic)
    {
        Address = address;
        _ca = ca;
        _certificate = certificate;
        _pubsub = pubsub;
        _topic = topic;
        _running = Task.Run(RunAsync);
    }

    /// <summary>Where the stream (re)connects to.</summary>
    public Uri Address { get; set; }

    /// <summary>Streams opened so far (the first one included).</summary>
    public int Opened { get; private set; }

    /// <summary>Deliveries per message ID.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await StreamOnceAsync();
            }
            catch (Exception ex) when (ex is RpcException or IOException or HttpRequestException or InvalidOperationException || ex is OperationCanceledException && !_stop.IsCancellationRequested)
            {
            }

            try
            {
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task StreamOnceAsync()
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificateContext = SslStreamCertificateContext.Create(_certificate, [], offline: true),
                RemoteCertificateValidationCallback = (_, presented, _, _) => TlsClients.ChainsTo(presented, _ca),
            },
        };
        using var channel = GrpcChannel.ForAddress(Address.GetLeftPart(UriPartial.Authority), new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        using var call = new global::Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel).SubscribeTopicEventsAlpha1(cancellationToken: _stop.Token);
        await call.RequestStream.WriteAsync(new SubscribeTopicEventsRequestAlpha1
        {
            InitialRequest = new SubscribeTopicEventsRequestInitialAlpha1 { PubsubName = _pubsub, Topic = _topic },
        });
        if (!await call.ResponseStream.MoveNext(_stop.Token) || call.ResponseStream.Current.InitialResponse is null)
        {
            return;
        }

        Opened++;
        while (await call.ResponseStream.MoveNext(_stop.Token))
        {
            var message = call.ResponseStream.Current.EventMessage;
            var id = JsonDocument.Parse(message.Data.Memory).RootElement.GetProperty("id").GetString()!;
            _counts.AddOrUpdate(id, 1, (_, count) => count + 1);
            await Task.Delay(AppLatency, _stop.Token);
            await call.RequestStream.WriteAsync(new SubscribeTopicEventsRequestAlpha1
            {
                EventProcessed = new SubscribeTopicEventsRequestProcessedAlpha1
                {
                    Id = message.Id,
                    Status = new TopicEventResponse { Status = TopicEventResponse.Types.TopicEventResponseStatus.Success },
                },
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }
}
