// A subscriber written with the official Dapr .NET SDK for ASP.NET Core (Dapr.AspNetCore): its /dapr/subscribe
// answer comes from WithTopic, and each event is read by hand with the .NET CloudEvents SDK. It serves HTTPS with
// its own SVID and accepts only a client (the gateway) whose certificate chains to the CA.
//   dotnet run --project samples/Subscriber                     (app "subscriber" on https://127.0.0.1:6001)
using System.Net;
using System.Net.Mime;
using System.Net.Security;
using CloudNative.CloudEvents.SystemTextJson;
using Dapr;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Samples;

var options = new SampleOptions(args, appId: "subscriber");
var port = int.Parse(options.Flag("--port", "6001"), System.Globalization.CultureInfo.InvariantCulture);
var pubsub = options.Flag("--pubsub", "pubsub");
var ca = options.Ca;
var builder = WebApplication.CreateBuilder();
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(options.Flag("--address", "127.0.0.1")), port, listen => listen.UseHttps(new TlsHandshakeCallbackOptions
{
    OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
    {
        ServerCertificateContext = SslStreamCertificateContext.Create(options.Svid(), [], offline: true),
        ClientCertificateRequired = true,
        RemoteCertificateValidationCallback = (_, certificate, _, _) => SampleOptions.ChainsToCa(certificate, ca),
    }),
})));
var app = builder.Build();
var formatter = new JsonEventFormatter();

app.MapSubscribeHandler();
app.MapPost("/orders", async (HttpRequest request) =>
{
    var cloudEvent = await formatter.DecodeStructuredModeMessageAsync(request.Body, new ContentType(request.ContentType ?? "application/cloudevents+json"), null);
    Console.WriteLine($"received {cloudEvent.Id} from {cloudEvent.Source} on {cloudEvent["topic"]}: {cloudEvent.Data}");
    return Results.Ok();
}).WithTopic(pubsub, "orders");

app.Run();
