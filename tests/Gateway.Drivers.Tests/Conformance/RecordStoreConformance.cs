using System.Text;

namespace Gateway.Drivers.Tests.Conformance;

/// <summary>
/// The behaviour every driver that offers <see cref="IRecordStoreProvider"/> must show, written against
/// the contract alone. A driver's fixture subclasses this and says how to create a driver on the shared
/// broker and one whose broker cannot be reached. Every test uses its own store name, so the tests may
/// share a broker and run in parallel.
/// </summary>
public abstract class RecordStoreConformance : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _cleanup = [];

    /// <summary>
    /// Creates a driver for a component named <paramref name="componentName"/> on the fixture's broker,
    /// with <paramref name="extraMetadata"/> added to (or replacing) the fixture's metadata. The suite disposes it.
    /// </summary>
    protected abstract Task<IPubSubDriver> CreateDriverAsync(string componentName, IReadOnlyDictionary<string, string> extraMetadata);

    /// <summary>Metadata that points the driver at a broker address where nothing answers.</summary>
    protected abstract IReadOnlyDictionary<string, string> UnreachableBrokerMetadata();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i].DisposeAsync();
        }
    }

    [Fact]
    public async Task Put_ThenReadAll_ReturnsTheRecordByteForByte()
    {
        var store = await OpenAsync(await NewDriverAsync(), StoreName());
        byte[] value = [0x00, 0x7B, 0xFF, 0x22, 0xC3, 0xA9, 0x0A];

        await store.PutAsync("ns/app/pubsub/a topic ✓", value, CancellationToken.None);

        var records = await store.ReadAllAsync(CancellationToken.None);
        var (key, stored) = Assert.Single(records);
        Assert.Equal("ns/app/pubsub/a topic ✓", key);
        Assert.Equal(value, stored.ToArray());
    }

    [Fact]
    public async Task Put_SameKeyAgain_ReadAllReturnsOnlyTheLatestValue()
    {
        var store = await OpenAsync(await NewDriverAsync(), StoreName());

        await store.PutAsync("key", Text("first"), CancellationToken.None);
        await store.PutAsync("other", Text("untouched"), CancellationToken.None);
        await store.PutAsync("key", Text("second"), CancellationToken.None);

        var records = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, records.Count);
        Assert.Equal("second", Text(records["key"]));
        Assert.Equal("untouched", Text(records["other"]));
    }

    [Fact]
    public async Task Delete_ThenReadAll_TheRecordIsGoneAndOthersStay()
    {
        var store = await OpenAsync(await NewDriverAsync(), StoreName());
        await store.PutAsync("gone", Text("1"), CancellationToken.None);
        await store.PutAsync("kept", Text("2"), CancellationToken.None);

        await store.DeleteAsync("gone", CancellationToken.None);
        await store.DeleteAsync("never-written", CancellationToken.None);

        var records = await store.ReadAllAsync(CancellationToken.None);
        Assert.Equal(["kept"], records.Keys);
    }

    [Fact]
    public async Task ReadAll_OfANewStore_IsEmpty()
    {
        var store = await OpenAsync(await NewDriverAsync(), StoreName());

        Assert.Empty(await store.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Stores_WithDifferentNames_KeepTheirRecordsApart()
    {
        var driver = await NewDriverAsync();
        var first = await OpenAsync(driver, StoreName());
        var second = await OpenAsync(driver, StoreName());

        await first.PutAsync("key", Text("first"), CancellationToken.None);
        await second.PutAsync("key", Text("second"), CancellationToken.None);
        await second.DeleteAsync("key", CancellationToken.None);

        Assert.Equal("first", Text(Assert.Single(await first.ReadAllAsync(CancellationToken.None)).Value));
        Assert.Empty(await second.ReadAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SecondDriver_ReadAll_SeesEveryWriteTheFirstHadAcknowledged_WithoutWaiting()
    {
        var name = StoreName();
        var replicaA = await OpenAsync(await NewDriverAsync(), name);
        var replicaB = await OpenAsync(await NewDriverAsync(), name);
        Assert.Empty(await replicaB.ReadAllAsync(CancellationToken.None));

        await replicaA.PutAsync("added-by-a", Text("a"), CancellationToken.None);
        var seenByB = await replicaB.ReadAllAsync(CancellationToken.None);
        Assert.Equal("a", Text(Assert.Single(seenByB).Value));

        await replicaB.PutAsync("added-by-b", Text("b"), CancellationToken.None);
        await replicaB.DeleteAsync("added-by-a", CancellationToken.None);
        var seenByA = await replicaA.ReadAllAsync(CancellationToken.None);
        Assert.Equal(["added-by-b"], seenByA.Keys);
    }

    [Fact]
    public async Task DriverDisposedAndCreatedAgain_ReadAll_StillHasTheRecords()
    {
        var name = StoreName();
        var componentName = UniqueName("component");
        var first = await CreateDriverAsync(componentName, new Dictionary<string, string>());
        var store = ((IRecordStoreProvider)first).OpenRecordStore(name);
        await store.PutAsync("kept", Text("across restarts"), CancellationToken.None);
        await store.PutAsync("deleted", Text("x"), CancellationToken.None);
        await store.DeleteAsync("deleted", CancellationToken.None);
        await store.DisposeAsync();
        await first.DisposeAsync();

        var again = await OpenAsync(await NewDriverAsync(componentName), name);

        var records = await again.ReadAllAsync(CancellationToken.None);
        Assert.Equal("across restarts", Text(Assert.Single(records, r => r.Key == "kept").Value));
        Assert.Single(records);
    }

    [Fact]
    public async Task BrokerUnreachable_EveryOperation_FailsWithATransientDriverExceptionNamingTheComponent()
    {
        var componentName = UniqueName("unreachable");
        var driver = await CreateDriverAsync(componentName, UnreachableBrokerMetadata());
        _cleanup.Add(driver);
        var store = await OpenAsync(driver, StoreName());

        var failures = await Task.WhenAll(
            FailureOf(() => store.PutAsync("key", Text("value"), CancellationToken.None).AsTask()),
            FailureOf(() => store.DeleteAsync("key", CancellationToken.None).AsTask()),
            FailureOf(() => store.ReadAllAsync(CancellationToken.None).AsTask()));

        Assert.All(failures, failure =>
        {
            Assert.True(failure.IsTransient, failure.Message);
            Assert.Contains($"component '{componentName}'", failure.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task DriverDisposed_StoreOperations_FailWithADriverException()
    {
        var driver = await CreateDriverAsync(UniqueName("component"), new Dictionary<string, string>());
        var store = ((IRecordStoreProvider)driver).OpenRecordStore(StoreName());
        await store.PutAsync("key", Text("value"), CancellationToken.None);

        await driver.DisposeAsync();

        await FailureOf(() => store.ReadAllAsync(CancellationToken.None).AsTask());
        await FailureOf(() => store.PutAsync("key", Text("value"), CancellationToken.None).AsTask());
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("slash/inside")]
    public async Task OpenRecordStore_NameOutsideTheRules_IsRefused(string name)
    {
        var driver = (IRecordStoreProvider)await NewDriverAsync();

        Assert.ThrowsAny<ArgumentException>(() => driver.OpenRecordStore(name));
    }

    [Fact]
    public async Task Location_NamesTheStore()
    {
        var name = StoreName();
        var store = await OpenAsync(await NewDriverAsync(), name);

        Assert.Contains(name, store.Location, StringComparison.Ordinal);
    }

    protected static string UniqueName(string purpose) => $"conformance-{purpose}-{Guid.NewGuid():N}";

    private static string StoreName() => UniqueName("store");

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> value) => Encoding.UTF8.GetString(value.Span);

    private static async Task<DriverException> FailureOf(Func<Task> operation)
    {
        var failure = await Assert.ThrowsAsync<DriverException>(() => operation().WaitAsync(TimeSpan.FromSeconds(60)));
        return failure;
    }

    private async Task<IPubSubDriver> NewDriverAsync(string? componentName = null)
    {
        var driver = await CreateDriverAsync(componentName ?? UniqueName("component"), new Dictionary<string, string>());
        _cleanup.Add(driver);
        return driver;
    }

    private Task<IRecordStore> OpenAsync(IPubSubDriver driver, string name)
    {
        var provider = Assert.IsAssignableFrom<IRecordStoreProvider>(driver);
        var store = provider.OpenRecordStore(name);
        _cleanup.Add(store);
        return Task.FromResult(store);
    }
}
