using Gateway.Subscriptions;

using Gateway.Resources;

namespace Gateway.Tests.Subscriptions;

public sealed class FileSubscriptionStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gateway-file-store-").FullName;

    private string FilePath => Path.Combine(_directory, "state", "subscriptions.json");

    private static RuntimeSubscriptionRecord Record(string appId, string topic, string path) => new(
        new AppKey("default", appId),
        new SubscriptionDefinition(null, "default", "pubsub", topic, [new SubscriptionRule(null, path)], null,
            new Dictionary<string, string>(), [], SubscriptionType.Programmatic));

    [Fact]
    public async Task PutAndDelete_AreKeptPerRecord_AndReadBackByANewStore()
    {
        var store = new FileSubscriptionStore(FilePath);
        store.Load();

        await store.PutAsync(Record("a", "jobs", "/old"), CancellationToken.None);
        await store.PutAsync(Record("a", "orders", "/orders"), CancellationToken.None);
        await store.PutAsync(Record("b", "jobs", "/b"), CancellationToken.None);
        await store.PutAsync(Record("a", "jobs", "/new"), CancellationToken.None);
        await store.DeleteAsync(new AppKey("default", "a"), "pubsub", "orders", CancellationToken.None);

        var reloaded = new FileSubscriptionStore(FilePath);
        reloaded.Load();
        var records = reloaded.Records.OrderBy(r => r.App.AppId).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(("a", "jobs", "/new"), (records[0].App.AppId, records[0].Definition.Topic, records[0].Definition.Rules[0].Path));
        Assert.Equal(("b", "jobs", "/b"), (records[1].App.AppId, records[1].Definition.Topic, records[1].Definition.Rules[0].Path));
    }

    [Fact]
    public void Load_MissingFile_IsEmpty()
    {
        var store = new FileSubscriptionStore(FilePath);

        store.Load();

        Assert.Empty(store.Records);
    }

    [Fact]
    public void Load_BrokenFile_NamesTheFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => new FileSubscriptionStore(FilePath).Load());

        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_FileCannotBeWritten_ThrowsAStoreErrorAndKeepsTheRecordsAsTheyWere()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var store = new FileSubscriptionStore(FilePath);
        store.Load();
        await store.PutAsync(Record("a", "jobs", "/jobs"), CancellationToken.None);
        Directory.CreateDirectory(FilePath + ".tmp");

        var error = await Assert.ThrowsAsync<RuntimeSubscriptionStoreException>(() => store.PutAsync(Record("a", "orders", "/orders"), CancellationToken.None));

        Assert.Contains(FilePath, error.Message, StringComparison.Ordinal);
        Assert.Equal(["jobs"], store.Records.Select(r => r.Definition.Topic));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
