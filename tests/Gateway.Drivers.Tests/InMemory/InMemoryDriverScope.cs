using System.Text;
using Gateway.Drivers.InMemory;
using Gateway.Drivers.Tests.Conformance;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.InMemory;

/// <summary>An in-memory driver for one test, with the subscriptions it opened, all disposed together.</summary>
internal sealed class InMemoryDriverScope : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<ISubscription> _subscriptions = [];

    public InMemoryDriverScope(Dictionary<string, string>? metadata = null, TimeProvider? timeProvider = null)
    {
        ComponentName = $"orders-{Guid.NewGuid():N}";
        var context = new DriverContext(ComponentName, metadata ?? [], NullLoggerFactory.Instance, timeProvider ?? TimeProvider.System);
        Driver = (InMemoryDriver)new InMemoryDriverFactory().Create(context);
    }

    public string ComponentName { get; }

    public InMemoryDriver Driver { get; }

    public static string UniqueName(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    public static PublishRequest Text(string topic, string text) =>
        new(topic, Encoding.UTF8.GetBytes(text), "text/plain", new Dictionary<string, string>());

    public ValueTask PublishAsync(string topic, string text) => Driver.PublishAsync(Text(topic, text), CancellationToken.None);

    public async Task<ISubscription> SubscribeAsync(string topic, string group, MessageHandler handler)
    {
        var subscription = await Driver.SubscribeAsync(new SubscribeRequest(topic, group, new Dictionary<string, string>()), handler, CancellationToken.None);
        _subscriptions.Add(subscription);
        return subscription;
    }

    /// <summary>Creates the group and leaves it without members, so what is published to it stays pending.</summary>
    public async Task CreateIdleGroupAsync(string topic, string group)
    {
        var subscription = await SubscribeAsync(topic, group, (_, _) => ValueTask.FromResult(MessageOutcome.Acknowledge));
        await subscription.DisposeAsync();
    }

    public Task WaitUntilAsync(Func<bool> condition, Func<string> describeFailure) =>
        Eventually.HoldsAsync(condition, Patience, describeFailure);

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        await Driver.DisposeAsync();
    }
}
