using System.Text;

namespace Gateway.Drivers.Tests.Conformance;

/// <summary>
/// The behaviour every pub/sub driver must show, written against the driver contract alone. A
/// driver's fixture subclasses this, says how to create a driver, and tunes the knobs below.
/// </summary>
/// <remarks>
/// The suite relies on one promise beyond the contract's wording: a message published after
/// <see cref="IPubSubDriver.SubscribeAsync"/> has returned reaches that subscription's group.
/// Every test uses its own topics and groups, so the tests may share a broker and run in parallel.
/// </remarks>
public abstract partial class DriverConformance : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _cleanup = [];

    /// <summary>How long a published message may take to reach a subscriber.</summary>
    protected virtual TimeSpan DeliveryTimeout => TimeSpan.FromSeconds(30);

    /// <summary>How long a message that was not acknowledged may take to be delivered again.</summary>
    protected virtual TimeSpan RedeliveryTimeout => TimeSpan.FromSeconds(30);

    /// <summary>
    /// True when an idle member of a consumer group receives messages of a topic while another
    /// member is busy. A driver that gives a whole topic (or partition) to one member sets false.
    /// </summary>
    protected virtual bool GroupMembersShareATopic => true;

    /// <summary>True when the driver implements <see cref="IBulkPublisher"/>.</summary>
    protected virtual bool SupportsBulkPublish => true;

    /// <summary>
    /// Creates a driver for a component named <paramref name="componentName"/>, with the fixture's
    /// own metadata plus <paramref name="extraMetadata"/>. The suite disposes it.
    /// </summary>
    protected abstract Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Subscriptions first, newest first, then the drivers they belong to.
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }
    }

    protected static string UniqueName(string purpose) => $"conformance-{purpose}-{Guid.NewGuid():N}";

    protected async Task<IPubSubDriver> NewDriverAsync()
    {
        var driver = await CreateDriverAsync(UniqueName("component"), new Dictionary<string, string>());
        _cleanup.Add(driver);
        return driver;
    }

    protected async Task<ISubscription> SubscribeAsync(IPubSubDriver driver, string topic, string group, MessageHandler handler, int maxConcurrency = 1)
    {
        var request = new SubscribeRequest(topic, group, new Dictionary<string, string>(), maxConcurrency);
        var subscription = await driver.SubscribeAsync(request, handler, CancellationToken.None);
        _cleanup.Add(subscription);
        return subscription;
    }

    protected static PublishRequest TextMessage(string topic, string text) =>
        new(topic, Encoding.UTF8.GetBytes(text), "text/plain", new Dictionary<string, string>());

    protected static ValueTask PublishTextAsync(IPubSubDriver driver, string topic, string text) =>
        driver.PublishAsync(TextMessage(topic, text), CancellationToken.None);

    protected static string Text(BrokerMessage message) => Encoding.UTF8.GetString(message.Data.Span);

    /// <summary>Waits for messages to arrive; with <paramref name="afterRedelivery"/>, for redeliveries too.</summary>
    protected Task WaitUntilAsync(Func<bool> condition, Func<string> describeFailure, bool afterRedelivery = false) =>
        Eventually.HoldsAsync(condition, afterRedelivery ? DeliveryTimeout + RedeliveryTimeout : DeliveryTimeout, describeFailure);
}
