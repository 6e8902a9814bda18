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

    /// <summary>The resource set in <c>testassets/sets/gateway-fixture.yaml</c>, delivering to <paramref name="subscriberAddress"/>.</summary>
    internal static string Resources(Uri subscriberAddress) =>
        TestAssets.Yaml("sets/gateway-fixture.yaml", new { subscriberBaseUrl = subscriberAddress });

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Subscriber.DisposeAsync();
        Pki.Dispose();
    }
}
