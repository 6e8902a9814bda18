// A publisher written with the official Dapr .NET SDK (Dapr.Client), unchanged: DaprClient speaks gRPC to the
// gateway as to a sidecar, over mTLS with the app's SVID. Publishes --count orders (0: one a second, forever)
// to topic "orders" of each pubsub in --pubsub (comma-separated, default "pubsub"), then a bulk of three.
//   dotnet run --project samples/Publisher                      (against gateway run --dev, as app "publisher")
using Dapr.Client;
using Grpc.Net.Client;
using Samples;

var options = new SampleOptions(args, appId: "publisher");
var count = int.Parse(options.Flag("--count", "3"), System.Globalization.CultureInfo.InvariantCulture);
var pubsubs = options.Flag("--pubsub", "pubsub").Split(',');
using var dapr = new DaprClientBuilder()
    .UseGrpcEndpoint(options.Gateway)
    .UseGrpcChannelOptions(new GrpcChannelOptions { HttpHandler = options.Handler() })
    .Build();

for (var orderId = 1; count == 0 || orderId <= count; orderId++)
{
    foreach (var pubsub in pubsubs)
    {
        await dapr.PublishEventAsync(pubsub, "orders", new { orderId });
        Console.WriteLine($"published order {orderId} to {pubsub}/orders");
    }

    if (count == 0)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
    }
}

var bulk = await dapr.BulkPublishEventAsync(pubsubs[0], "orders", [new { orderId = 101 }, new { orderId = 102 }, new { orderId = 103 }]);
Console.WriteLine($"bulk published 3 orders, {bulk.FailedEntries.Count} failed");
