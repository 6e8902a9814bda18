using System.Diagnostics;
using System.Net;
using System.Text;
using Gateway.Drivers;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Tests.TestSupport;

namespace Gateway.Tests.Integration.Tenancy;

/// <summary>
/// The resources folder is trusted input, read defensively: a link to a device, a FIFO, a huge file or a
/// file that cannot be opened is an error for that file alone, at load and on live reload. Nothing hangs,
/// nothing is read without bound, the gateway keeps serving with the last good set, and its watcher keeps
/// watching.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class HostileResourceFileTests
{
    [Fact]
    public async Task Load_WithADeviceLinkAFifoAHugeFileAndADanglingLink_ReportsEachFile_AndReturns()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-hostile-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "good.yaml"), TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }));
        await PlantAsync(directory);

        var result = await Task.Run(() => ResourceLoader.Load(directory, DriverCatalog.Default, maxFileBytes: 1024 * 1024)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains(result.Errors, e => e.File == "zero.yaml" && e.Message.Contains("not a regular file (a character device", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == "pipe.yaml" && e.Message.Contains("not a regular file (a FIFO", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == "huge.yaml" && e.Message.Contains("larger than the limit of 1048576 bytes", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.File == "dangling.yaml" && e.Message.StartsWith("cannot read the file", StringComparison.Ordinal));
        Assert.Equal(4, result.Errors.Count);
    }

    [Fact]
    public async Task LiveReload_OfHostileFiles_KeepsTheLastGoodSetServing_AndTheWatcherGoesOn()
    {
        using var pki = new TestPki();
        await using var app = await TestSubscriber.StartAsync(pki.IssueApp("app"));
        string Subscription(string topic) => TestAssets.Yaml("subscriptions/scoped.yaml", new { name = topic, pubsub = "pubsub", topic, route = "/" + topic, app = "app" });
        var good = TestAssets.Join(
            TestAssets.Yaml("components/in-memory.yaml", new { name = "pubsub" }),
            TestAssets.Yaml("apps/app.yaml", new { name = "app", baseUrl = app.BaseAddress }),
            Subscription("before"));
        await using var gateway = await GatewayTestHost.StartAsync(pki, good, options =>
        {
            options.ResourcesPollInterval = TimeSpan.FromMilliseconds(200);
            options.MaxResourceFileBytes = 1024 * 1024;
        });
        using var client = gateway.ClientFor("app");

        await PlantAsync(gateway.ResourcesDirectory);

        await Eventually.TrueAsync(
            () => new[] { "zero.yaml", "pipe.yaml", "huge.yaml", "dangling.yaml" }.All(file => gateway.Logs.Events.Any(log => log.EventId == 1202 && log.Message.Contains(file, StringComparison.Ordinal)))
                && gateway.Logs.Events.Any(log => log.EventId == 1203),
            "the four hostile files reported by a reload that kept the last good set");
        await PublishAndExpectAsync(client, app, "before");

        foreach (var name in new[] { "zero.yaml", "pipe.yaml", "huge.yaml", "dangling.yaml" })
        {
            File.Delete(Path.Combine(gateway.ResourcesDirectory, name));
        }

        await File.WriteAllTextAsync(Path.Combine(gateway.ResourcesDirectory, "resources.yaml"), TestAssets.Join(good, Subscription("after")));
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.PostAsync("/v1.0/publish/pubsub/after", Json("""{"probe":1}"""));
            return app.Received.Any(d => d.Path == "/after");
        }, "the next valid change to be applied");
        Assert.DoesNotContain(gateway.Logs.Events, log => log.EventId == EventIds.ResourceWatcher.ReloadFailed);
    }

    /// <summary>A link to /dev/zero, a FIFO, a 2 MiB file and a link to nothing, all named *.yaml.</summary>
    private static async Task PlantAsync(string directory)
    {
        File.CreateSymbolicLink(Path.Combine(directory, "zero.yaml"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(directory, "dangling.yaml"), Path.Combine(directory, "missing", "nothing.yaml"));
        await File.WriteAllTextAsync(Path.Combine(directory, "huge.yaml"), "# " + new string('x', 2 * 1024 * 1024) + "\n");
        using var mkfifo = Process.Start("mkfifo", [Path.Combine(directory, "pipe.yaml")]);
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static async Task PublishAndExpectAsync(HttpClient client, TestSubscriber app, string topic)
    {
        var marker = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/v1.0/publish/pubsub/{topic}", Json($$"""{"m":"{{marker}}"}"""))).StatusCode);
        await Eventually.TrueAsync(() => app.Received.Any(d => d.Path == "/" + topic && d.BodyText.Contains(marker, StringComparison.Ordinal)), $"a delivery on '{topic}'");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
