using System.Net;
using System.Net.Sockets;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Delivery;

/// <summary>
/// Resource YAML for delivery tests, from the shared files under <c>testassets/</c>: one in-memory
/// component, apps, and subscriptions scoped to one app each.
/// </summary>
internal static class DeliveryTestResources
{
    public static string Join(params string[] documents) => TestAssets.Join(documents);

    /// <summary>The in-memory component <c>pubsub</c>; a short redelivery delay keeps redelivery tests fast.</summary>
    public static string Component(string redeliveryDelay = "50ms") =>
        TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "pubsub", redeliveryDelay });

    public static string App(string appId, Uri baseAddress, int maxConcurrency = 16) =>
        TestAssets.Yaml("apps/app-max-concurrency.yaml", new { name = appId, baseUrl = baseAddress, maxConcurrency });

    /// <summary>A declarative subscription of <paramref name="appId"/> only (unscoped ones would apply to every app).</summary>
    /// <param name="rawPayload">Deliver the broker bytes wrapped as <c>data_base64</c>, unread (no expiry check).</param>
    public static string Subscription(string appId, string topic, string route, string? deadLetterTopic = null, bool rawPayload = false) =>
        (deadLetterTopic, rawPayload) switch
        {
            (null, false) => TestAssets.Yaml("subscriptions/scoped.yaml", new { name = $"{appId}-{topic}", pubsub = "pubsub", topic, route, app = appId }),
            (not null, false) => TestAssets.Yaml("subscriptions/scoped-dead-letter.yaml", new { name = $"{appId}-{topic}", pubsub = "pubsub", topic, route, deadLetterTopic, app = appId }),
            (null, true) => TestAssets.Yaml("subscriptions/scoped-raw-payload.yaml", new { name = $"{appId}-{topic}", pubsub = "pubsub", topic, route, app = appId }),
            _ => throw new ArgumentException("no test asset has both a dead-letter topic and rawPayload; add one under testassets/subscriptions", nameof(rawPayload)),
        };

    /// <summary>An https address on loopback where nothing listens: a port the OS handed out and took back.</summary>
    public static Uri ClosedAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"https://127.0.0.1:{port}");
    }

    /// <summary>A topic name no other test uses.</summary>
    public static string UniqueTopic(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
