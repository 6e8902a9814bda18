using System.Text;
using Gateway.Drivers.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>Redis drivers for one test, a raw client to look at the server, and their cleanup.</summary>
internal sealed class RedisDriverScope(string address) : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly List<IAsyncDisposable> _cleanup = [];

    public static string UniqueName(string purpose) => $"redis-{purpose}-{Guid.NewGuid():N}";

    public static PublishRequest Text(string topic, string text, Dictionary<string, string>? metadata = null) =>
        new(topic, Encoding.UTF8.GetBytes(text), "text/plain", metadata ?? []);

    public IPubSubDriver NewDriver(Dictionary<string, string>? metadata = null, ILoggerFactory? loggerFactory = null)
    {
        var all = new Dictionary<string, string>(metadata ?? [], StringComparer.OrdinalIgnoreCase);
        all.TryAdd(RedisOptions.RedisHostKey, address);
        var context = new DriverContext(UniqueName("component"), all, loggerFactory ?? NullLoggerFactory.Instance, TimeProvider.System);
        var driver = new RedisDriverFactory().Create(context);
        _cleanup.Add(driver);
        return driver;
    }

    public async Task<ISubscription> SubscribeAsync(IPubSubDriver driver, string topic, string group, MessageHandler handler)
    {
        var subscription = await driver.SubscribeAsync(new SubscribeRequest(topic, group, new Dictionary<string, string>()), handler, CancellationToken.None);
        _cleanup.Add(subscription);
        return subscription;
    }

    /// <summary>A plain client, to read what the driver wrote.</summary>
    public async Task<IDatabase> ClientAsync(ConfigurationOptions options)
    {
        var client = await ConnectionMultiplexer.ConnectAsync(options);
        _cleanup.Add(client);
        return client.GetDatabase();
    }

    /// <summary>Polls an asynchronous condition until it holds, failing with <paramref name="failure"/> after <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, $"Waited {Patience.TotalSeconds:0}s, but {failure}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }
    }
}
