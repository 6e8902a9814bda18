using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Gateway.Tests.Delivery;
using Gateway.Tests.TestSupport;
using static Gateway.Tests.Delivery.DeliveryTestResources;
using static Gateway.Tests.Integration.DeliveryRulesReplyTests;

namespace Gateway.Tests.Integration;

/// <summary>
/// Flow control towards apps: <c>App.spec.maxConcurrency</c> bounds an app's deliveries in flight over
/// all its subscriptions, one app never holds up another, and an app that is down is backed off
/// without losing its messages.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class FlowControlTests
{
    [Fact]
    public async Task MaxConcurrencyTwo_ThreeSubscriptions_AtMostTwoDeliveriesInFlightAtTheApp()
    {
        const int Messages = 6;
        var topics = new[] { UniqueTopic("flow"), UniqueTopic("flow"), UniqueTopic("flow") };
        var held = new ConcurrentQueue<TaskCompletionSource<(int, string)>>();
        var inFlight = 0;
        var mostInFlight = 0;
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        orders.Reply = async delivery =>
        {
            if (delivery.Path != "/orders")
            {
                return (200, "");
            }

            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            var answer = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
            held.Enqueue(answer);
            var reply = await answer.Task;
            Interlocked.Decrement(ref inFlight);
            return reply;
        };
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            [Component(), App("orders", orders.BaseAddress, maxConcurrency: 2), .. topics.Select(topic => Subscription("orders", topic, "/orders"))]));
        using var client = gateway.ClientFor("checkout");

        foreach (var topic in topics)
        {
            await PublishAsync(client, topic, """{"n":1}""");
            await PublishAsync(client, topic, """{"n":2}""");
        }

        // Each subscription alone may run two handlers, so six could be posting at once; the app sees two at a time.
        for (var released = 0; released < Messages; released++)
        {
            var waitingFor = Math.Min(2, Messages - released);
            await Eventually.TrueAsync(() => held.Count >= waitingFor, $"{waitingFor} deliveries held at the app ({released} released)");
            Assert.True(held.TryDequeue(out var next));
            next.SetResult((200, ""));
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref inFlight) == 0, "the last answer");
        Assert.Equal(2, mostInFlight);
        Assert.Equal(Messages, orders.Received.Count(d => d.Path == "/orders"));
    }

    [Fact]
    public async Task SlowApp_ThatDoesNotAnswer_DoesNotDelayAnotherAppOnTheSameTopic()
    {
        var topic = UniqueTopic("flow");
        var release = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pki = new TestPki();
        await using var slow = await TestSubscriber.StartAsync(pki.IssueApp("slow"));
        await using var fast = await TestSubscriber.StartAsync(pki.IssueApp("fast"));
        slow.Reply = delivery => delivery.Path == "/orders" ? release.Task : Task.FromResult((200, ""));
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(),
            App("slow", slow.BaseAddress, maxConcurrency: 1),
            App("fast", fast.BaseAddress),
            Subscription("slow", topic, "/orders"),
            Subscription("fast", topic, "/orders")));
        using var client = gateway.ClientFor("checkout");
        try
        {
            for (var n = 1; n <= 3; n++)
            {
                await PublishAsync(client, topic, $$"""{"n":{{n}}}""");
            }

            await Eventually.TrueAsync(() => fast.Received.Count(d => d.Path == "/orders") == 3, "all three messages at the fast app");
            Assert.Equal(1, slow.Received.Count(d => d.Path == "/orders"));

            release.SetResult((200, ""));
            await Eventually.TrueAsync(() => slow.Received.Count(d => d.Path == "/orders") == 3, "all three messages at the slow app once it answers");
        }
        finally
        {
            release.TrySetResult((200, ""));
        }
    }

    [Fact]
    public async Task AppDown_MessagesPublished_AppComesUp_EveryMessageIsDelivered()
    {
        const int Messages = 5;
        var topic = UniqueTopic("flow");
        using var pki = new TestPki();
        await using var orders = await TestSubscriber.StartAsync(pki.IssueApp("orders"));
        await using var door = await SwitchableProxy.StartAsync(orders.BaseAddress);
        await using var gateway = await GatewayTestHost.StartAsync(pki, Join(
            Component(),
            App("orders", door.Address),
            Subscription("orders", topic, "/orders")));
        using var client = gateway.ClientFor("checkout");
        using var attempts = new MeterRecorder();

        for (var n = 1; n <= Messages; n++)
        {
            await PublishAsync(client, topic, $$"""{"n":{{n}}}""");
        }

        await Eventually.TrueAsync(() => attempts.Count("gateway.delivery.duration", ("topic", topic), ("outcome", "retry")) >= 3, "failed attempts while the app is down");
        Assert.DoesNotContain(orders.Received, d => d.Path == "/orders");
        door.Open();

        await Eventually.TrueAsync(
            () => Enumerable.Range(1, Messages).All(n => orders.Received.Any(d => d.Path == "/orders" && d.Json.GetProperty("data").GetProperty("n").GetInt32() == n)),
            "every message at the app once it is up");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }

    /// <summary>
    /// A TCP door in front of an app: while shut it resets every connection (the app looks down);
    /// once open it relays bytes both ways, so TLS still runs end to end between gateway and app.
    /// </summary>
    private sealed class SwitchableProxy : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stopping = new();
        private readonly Uri _target;
        private volatile bool _open;
        private Task _accepting = Task.CompletedTask;

        private SwitchableProxy(Uri target) => _target = target;

        public Uri Address => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

        public static Task<SwitchableProxy> StartAsync(Uri target)
        {
            var proxy = new SwitchableProxy(target);
            proxy._listener.Start();
            proxy._accepting = proxy.AcceptAsync();
            return Task.FromResult(proxy);
        }

        public void Open() => _open = true;

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                    if (!_open)
                    {
                        client.Client.LingerState = new LingerOption(true, 0);
                        client.Dispose();
                        continue;
                    }

                    _ = RelayAsync(client);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }

        private async Task RelayAsync(TcpClient client)
        {
            using (client)
            using (var upstream = new TcpClient())
            {
                try
                {
                    await upstream.ConnectAsync(_target.Host, _target.Port, _stopping.Token);
                    var down = client.GetStream();
                    var up = upstream.GetStream();
                    await Task.WhenAny(down.CopyToAsync(up, _stopping.Token), up.CopyToAsync(down, _stopping.Token));
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
                {
                    // Either side went away; the other is closed with it.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            _listener.Stop();
            await _accepting;
            _stopping.Dispose();
        }
    }
}
