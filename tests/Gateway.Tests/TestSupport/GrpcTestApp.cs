using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Dapr.AppCallback.Autogen.Grpc.v1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// A gRPC app built on Dapr.Protos' <c>AppCallback</c> and <c>AppCallbackAlpha</c> bases: Kestrel on 127.0.0.1 over
/// HTTP/2 with TLS, presenting its own X509-SVID and asking for the gateway's. It declares <see cref="Subscriptions"/>
/// through <c>ListTopicSubscriptions</c>, records every event with the client certificate's URI, and answers
/// with <see cref="Reply"/>.
/// </summary>
internal sealed class GrpcTestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestApp(WebApplication app, Uri baseAddress, State state)
    {
        _app = app;
        BaseAddress = baseAddress;
        Recorded = state;
    }

    public Uri BaseAddress { get; }

    public State Recorded { get; }

    public static async Task<GrpcTestApp> StartAsync(X509Certificate2 serverCertificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        var state = new State();
        builder.Services.AddSingleton(state);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(new TlsHandshakeCallbackOptions
            {
                OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = SslStreamCertificateContext.Create(serverCertificate, [], offline: true),
                    ClientCertificateRequired = true,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    ApplicationProtocols = [SslApplicationProtocol.Http2],
                    RemoteCertificateValidationCallback = (_, _, _, _) => true,
                }),
            });
        }));
        var app = builder.Build();
        app.MapGrpcService<Callback>();
        app.MapGrpcService<BulkCallback>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GrpcTestApp(app, new Uri(address), state);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>What the app declares and received; how it answers.</summary>
    internal sealed class State
    {
        public ConcurrentQueue<(TopicEventRequest Event, string? ClientSpiffeUri)> Events { get; } = new();

        public ConcurrentQueue<TopicEventBulkRequest> Batches { get; } = new();

        public List<TopicSubscription> Subscriptions { get; } = [];

        public int Listed;

        public Func<TopicEventRequest, TopicEventResponse.Types.TopicEventResponseStatus> Reply { get; set; } = _ => TopicEventResponse.Types.TopicEventResponseStatus.Success;
    }

    private sealed class Callback(State state) : AppCallback.AppCallbackBase
    {
        public override Task<ListTopicSubscriptionsResponse> ListTopicSubscriptions(Empty request, ServerCallContext context)
        {
            Interlocked.Increment(ref state.Listed);
            return Task.FromResult(new ListTopicSubscriptionsResponse { Subscriptions = { state.Subscriptions } });
        }

        public override async Task<TopicEventResponse> OnTopicEvent(TopicEventRequest request, ServerCallContext context)
        {
            var certificate = await context.GetHttpContext().Connection.GetClientCertificateAsync();
            state.Events.Enqueue((request, certificate?.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault()?.Format(false)));
            return new TopicEventResponse { Status = state.Reply(request) };
        }
    }

    private sealed class BulkCallback(State state) : AppCallbackAlpha.AppCallbackAlphaBase
    {
        // The alpha name is deprecated in Dapr.Protos 1.19; it is the one the gateway calls, as the Dapr JS SDK serves only it.
        [Obsolete("Dapr's alpha bulk callback, served because the gateway calls it.")]
        public override Task<TopicEventBulkResponse> OnBulkTopicEventAlpha1(TopicEventBulkRequest request, ServerCallContext context)
        {
            state.Batches.Enqueue(request);
            var response = new TopicEventBulkResponse();
            response.Statuses.Add(request.Entries.Select(entry => new TopicEventBulkResponseEntry { EntryId = entry.EntryId, Status = TopicEventResponse.Types.TopicEventResponseStatus.Success }));
            return Task.FromResult(response);
        }
    }
}
