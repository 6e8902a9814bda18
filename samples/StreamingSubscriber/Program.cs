// An app that cannot listen (behind NAT, a job, no inbound port): it subscribes over its own outbound mTLS
// connection with Dapr's streaming subscription (SubscribeTopicEventsAlpha1, Dapr.Protos' generated client) and
// answers each event. The stream reopens when it breaks; events it had not answered come again.
//   dotnet run --project samples/StreamingSubscriber           (as app "streamer", topic "orders")
using Dapr.AppCallback.Autogen.Grpc.v1;
using Dapr.Client.Autogen.Grpc.v1;
using Grpc.Core;
using Grpc.Net.Client;
using Samples;

var options = new SampleOptions(args, appId: AppIdOf(args));
var pubsub = options.Flag("--pubsub", "pubsub");
var topic = options.Flag("--topic", "orders");
while (true)
{
    try
    {
        using var channel = GrpcChannel.ForAddress(options.Gateway, new GrpcChannelOptions { HttpHandler = options.Handler() });
        using var call = new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel).SubscribeTopicEventsAlpha1();
        await call.RequestStream.WriteAsync(new() { InitialRequest = new() { PubsubName = pubsub, Topic = topic } });
        await call.ResponseStream.MoveNext(CancellationToken.None); // initial_response
        Console.WriteLine($"streaming {pubsub}/{topic}");
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            var evt = call.ResponseStream.Current.EventMessage;
            Console.WriteLine($"received {evt.Id} from {evt.Source}: {evt.Data.ToStringUtf8()}");
            await call.RequestStream.WriteAsync(new()
            {
                EventProcessed = new() { Id = evt.Id, Status = new() { Status = TopicEventResponse.Types.TopicEventResponseStatus.Success } },
            });
        }
    }
    catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Cancelled)
    {
        Console.WriteLine($"stream broke ({ex.StatusCode}); reopening");
    }

    await Task.Delay(TimeSpan.FromSeconds(1));
}

// The app whose SVID is used by default (.gateway/dev/<app>.crt): --app-id, else "streamer".
static string AppIdOf(string[] args) => args.SkipWhile(arg => arg != "--app-id").Skip(1).FirstOrDefault() ?? "streamer";
