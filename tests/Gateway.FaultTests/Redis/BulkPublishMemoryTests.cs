using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gateway.FaultTests.TestSupport;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.Redis;

/// <summary>
/// Memory stays bounded under hostile but authenticated load: four bulk publishes of 60,000 entries each,
/// at once, to a Redis pubsub, with the gateway's heap capped at 512 MiB. Each is stored whole, and the
/// gateway neither runs out of memory nor stops.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class BulkPublishMemoryTests(FaultPki pki, ITestOutputHelper output)
{
    private const int Requests = 4;
    private const int EntriesPerRequest = 60_000;

    [Fact]
    public async Task FourConcurrentBulkPublishesOf60000Entries_UnderA512MiBHeapLimit_AreStoredWhole()
    {
        await using var redis = await RedisServer.StartAsync(appendOnly: false);
        var topic = ResourceFolder.Unique("bulk");
        using var resources = ResourceFolder.Write(
            TestAssets.Yaml("components/redis.yaml", new { name = ResourceFolder.ComponentName, redisHost = redis.Address }),
            new Uri("https://127.0.0.1:9"), ResourceFolder.Unique("idle"), ResourceFolder.Unique("group"));
        await using var gateway = await RunningGateway.StartAsync(
            pki, resources.Directory, resources.ResourcesDirectory, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x20000000" });
        using var client = pki.PublisherClient(gateway.Address);
        client.Timeout = TimeSpan.FromMinutes(5);

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async request =>
        {
            using var content = new ByteArrayContent(BulkBody(request));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync($"/v1.0-alpha1/publish/bulk/{ResourceFolder.ComponentName}/{topic}", content);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        var stored = await StreamLengthAsync(redis.Port, topic);
        output.WriteLine($"{Requests} x {EntriesPerRequest} entries in {clock.Elapsed.TotalSeconds:0.0} s; answers {string.Join(", ", answers.Select(a => (int)a.StatusCode))}; " +
            $"{stored} entries in the stream; gateway peak RSS {gateway.PeakRssMiB:0} MiB under a 512 MiB heap limit");
        Assert.All(answers, answer => Assert.True(answer.StatusCode == HttpStatusCode.NoContent, $"{(int)answer.StatusCode}: {answer.Body}"));
        Assert.True(gateway.IsRunning, "the gateway stopped: " + gateway.StandardOutput[Math.Max(0, gateway.StandardOutput.Length - 4000)..]);
        Assert.DoesNotContain("OutOfMemory", gateway.StandardOutput + gateway.StandardError, StringComparison.Ordinal);
        Assert.Equal(Requests * EntriesPerRequest, stored);
    }

    /// <summary>A bulk body of tiny text events, about 60 bytes per entry (3.6 MB for 60,000, under the default 4 MiB body limit).</summary>
    private static byte[] BulkBody(int request)
    {
        var body = new StringBuilder(EntriesPerRequest * 64).Append('[');
        for (var n = 0; n < EntriesPerRequest; n++)
        {
            body.Append(n == 0 ? "" : ",").Append($$"""{"entryId":"{{n}}","event":"{{request}}","contentType":"text/plain"}""");
        }

        return Encoding.UTF8.GetBytes(body.Append(']').ToString());
    }

    private static async Task<long> StreamLengthAsync(int port, string stream)
    {
        var start = new ProcessStartInfo("redis-cli", ["-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "XLEN", stream]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return long.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
