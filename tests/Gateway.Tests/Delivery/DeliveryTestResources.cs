using System.Net;
using System.Net.Sockets;

namespace Gateway.Tests.Delivery;

/// <summary>Resource YAML for delivery tests: one in-memory component, apps, and subscriptions scoped to one app each.</summary>
internal static class DeliveryTestResources
{
    public static string Join(params string[] documents) => string.Join("---\n", documents);

    /// <summary>The in-memory component <c>pubsub</c>; a short redelivery delay keeps redelivery tests fast.</summary>
    public static string Component(string redeliveryDelay = "50ms") => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
          metadata:
          - name: redeliveryDelay
            value: {redeliveryDelay}

        """;

    public static string App(string appId, Uri baseAddress, int maxConcurrency = 16) => $"""
        apiVersion: gateway/v1alpha1
        kind: App
        metadata:
          name: {appId}
        spec:
          baseUrl: {baseAddress.ToString().TrimEnd('/')}
          maxConcurrency: {maxConcurrency}

        """;

    /// <summary>A declarative subscription of <paramref name="appId"/> only (unscoped ones would apply to every app).</summary>
    /// <param name="rawPayload">Deliver the broker bytes wrapped as <c>data_base64</c>, unread (no expiry check).</param>
    public static string Subscription(string appId, string topic, string route, string? deadLetterTopic = null, bool rawPayload = false) => $"""
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: {appId}-{topic}
        spec:
          pubsubname: pubsub
          topic: {topic}
          {(deadLetterTopic is null ? "" : "deadLetterTopic: " + deadLetterTopic)}
          routes:
            default: {route}
          {(rawPayload ? "metadata: { rawPayload: \"true\" }" : "")}
        scopes:
        - {appId}

        """;

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
