using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration;

/// <summary>
/// One gateway on loopback with real TLS, one real subscriber app, and a resource set with a topic per
/// behaviour under test. The subscriber answers by path, so each test drives its own topic.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    internal TestPki Pki { get; private set; } = null!;

    internal TestSubscriber Subscriber { get; private set; } = null!;

    internal GatewayTestHost Gateway { get; private set; } = null!;

    /// <summary>Answers per delivery path; tests replace entries for their own paths.</summary>
    internal Dictionary<string, Func<ReceivedDelivery, (int Status, string Body)>> Replies { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        Pki = new TestPki();
        Subscriber = await TestSubscriber.StartAsync(Pki.IssueApp("subscriber"));
        Subscriber.Reply = delivery =>
        {
            Func<ReceivedDelivery, (int, string)>? reply;
            lock (Replies)
            {
                Replies.TryGetValue(delivery.Path, out reply);
            }

            return Task.FromResult(reply?.Invoke(delivery) ?? (200, ""));
        };
        Gateway = await GatewayTestHost.StartAsync(Pki, Resources(Subscriber.BaseAddress));
    }

    internal void SetReply(string path, Func<ReceivedDelivery, (int Status, string Body)> reply)
    {
        lock (Replies)
        {
            Replies[path] = reply;
        }
    }

    internal static string Resources(Uri subscriberAddress) => $$"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
          metadata:
          - name: redeliveryDelay
            value: 50ms
          - name: publishingScopes
            value: "limited=allowed"
          - name: subscriptionScopes
            value: "subscriber=orders,retry,drop,dead,raw,status,routed"
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: tiny
        spec:
          type: pubsub.in-memory
          version: v1
          metadata:
          - name: maxPendingMessages
            value: "1"
          - name: redeliveryDelay
            value: 1s
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: stuck
        spec:
          pubsubname: tiny
          topic: stuck
          routes:
            default: /stuck
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: routed
        spec:
          pubsubname: pubsub
          topic: routed
          routes:
            rules:
            - match: event.type == "widget"
              path: /widgets
            - match: has(event.data.priority) && event.data.priority > 5
              path: /urgent
            default: /products
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: private
        spec:
          type: pubsub.in-memory
          version: v1
        scopes:
        - someone-else
        ---
        apiVersion: gateway/v1alpha1
        kind: App
        metadata:
          name: subscriber
        spec:
          baseUrl: {{subscriberAddress.ToString().TrimEnd('/')}}
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: orders
        spec:
          pubsubname: pubsub
          topic: orders
          routes:
            default: /orders
        scopes:
        - subscriber
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: retry
        spec:
          pubsubname: pubsub
          topic: retry
          routes:
            default: /retry
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: drop
        spec:
          pubsubname: pubsub
          topic: drop
          deadLetterTopic: dead
          routes:
            default: /drop
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: dead
        spec:
          pubsubname: pubsub
          topic: dead
          routes:
            default: /dead
        ---
        apiVersion: dapr.io/v1alpha1
        kind: Subscription
        metadata:
          name: raw
        spec:
          pubsubname: pubsub
          topic: raw
          route: /raw
          metadata:
            rawPayload: "true"
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: status
        spec:
          pubsubname: pubsub
          topic: status
          routes:
            default: /status
        ---
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: forbidden
        spec:
          pubsubname: pubsub
          topic: forbidden
          routes:
            default: /forbidden
        """;

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Subscriber.DisposeAsync();
        Pki.Dispose();
    }
}
