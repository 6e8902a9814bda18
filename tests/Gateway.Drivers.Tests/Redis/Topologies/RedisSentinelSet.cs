using System.Diagnostics;
using System.Globalization;

namespace Gateway.Drivers.Tests.Redis.Topologies;

/// <summary>
/// A Sentinel set on loopback: a primary, one replica (or more) and three sentinels (quorum 2) watching them as
/// <see cref="MasterName"/>, quick to notice a dead primary (1 s). Started by the tests, stopped on dispose.
/// </summary>
internal sealed class RedisSentinelSet : IAsyncDisposable
{
    public const string MasterName = "gatewaymaster";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<RedisProcess> _servers = [];
    private readonly List<RedisProcess> _sentinels = [];

    public IReadOnlyList<RedisProcess> Servers => _servers;

    /// <summary>The sentinels, as a component's <c>redisHost</c>.</summary>
    public string SentinelAddresses => string.Join(",", _sentinels.Select(s => s.Address));

    /// <summary>Metadata of a <c>pubsub.redis</c> component using this set.</summary>
    public Dictionary<string, string> Metadata => new()
    {
        ["redisHost"] = SentinelAddresses,
        ["failover"] = "true",
        ["sentinelMasterName"] = MasterName,
    };

    /// <param name="replicas">Replicas of the primary: with two, one is left to replicate to after a failover.</param>
    /// <param name="appendOnly">Append-only file with an fsync per write on every server.</param>
    public static async Task<RedisSentinelSet> StartAsync(int replicas = 1, bool appendOnly = false)
    {
        var set = new RedisSentinelSet();
        try
        {
            var primaryPort = RedisProcess.FreePort();
            set._servers.Add(await StartServerAsync(primaryPort, appendOnly, replicaOf: null));
            for (var i = 0; i < replicas; i++)
            {
                set._servers.Add(await StartServerAsync(RedisProcess.FreePort(), appendOnly, replicaOf: primaryPort));
            }

            await set.WaitAsync(async () => (await set._servers[0].CliAsync("INFO", "replication")).Contains($"connected_slaves:{replicas}", StringComparison.Ordinal)
                && (await Task.WhenAll(set._servers.Skip(1).Select(r => r.CliAsync("INFO", "replication")))).All(i => i.Contains("master_link_status:up", StringComparison.Ordinal)), "the replicas to sync");
            for (var i = 0; i < 3; i++)
            {
                set._sentinels.Add(await StartSentinelAsync(primaryPort));
            }

            // Failover needs every sentinel to know the replica and the other sentinels.
            await set.WaitAsync(async () =>
            {
                foreach (var sentinel in set._sentinels)
                {
                    var master = await sentinel.CliAsync("SENTINEL", "MASTER", MasterName);
                    if (!master.Contains("num-other-sentinels\n2", StringComparison.Ordinal) || !master.Contains($"num-slaves\n{replicas}", StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }, "the sentinels to find each other and the replica");
            return set;
        }
        catch
        {
            await set.DisposeAsync();
            throw;
        }
    }

    /// <summary>The server the sentinels name as primary now.</summary>
    public async Task<RedisProcess> PrimaryAsync()
    {
        var answer = (await _sentinels[0].CliAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MasterName)).Split('\n');
        var port = int.Parse(answer[^1], CultureInfo.InvariantCulture);
        return _servers.Single(s => s.Port == port);
    }

    public async Task<IReadOnlyList<RedisProcess>> ReplicasAsync()
    {
        var primary = await PrimaryAsync();
        return [.. _servers.Where(s => s != primary && s.IsRunning)];
    }

    /// <summary>Waits until the sentinels name another primary than <paramref name="old"/> and it says it is one.</summary>
    public Task WaitForFailoverAsync(RedisProcess old) => WaitAsync(async () =>
    {
        var primary = await PrimaryAsync();
        return primary != old && (await primary.CliAsync("ROLE")).StartsWith("master", StringComparison.Ordinal);
    }, "the sentinels to promote the replica");

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _sentinels.Concat(_servers))
        {
            await process.DisposeAsync();
        }
    }

    private static Task<RedisProcess> StartServerAsync(int port, bool appendOnly, int? replicaOf)
    {
        var arguments = new List<string>
        {
            "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", ".", "--save", "",
            "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always",
        };
        if (replicaOf is { } primary)
        {
            arguments.AddRange(["--replicaof", "127.0.0.1", primary.ToString(CultureInfo.InvariantCulture)]);
        }

        return RedisProcess.StartAsync("redis-server", port, RedisProcess.NewDirectory("sentinel-server"), arguments);
    }

    private static async Task<RedisProcess> StartSentinelAsync(int primaryPort)
    {
        var port = RedisProcess.FreePort();
        var directory = RedisProcess.NewDirectory("sentinel");
        // A sentinel rewrites its configuration file, so each gets its own.
        var configuration = Path.Combine(directory, "sentinel.conf");
        await File.WriteAllTextAsync(configuration, string.Join('\n',
            $"port {port.ToString(CultureInfo.InvariantCulture)}",
            "bind 127.0.0.1",
            $"dir {directory}",
            $"sentinel monitor {MasterName} 127.0.0.1 {primaryPort.ToString(CultureInfo.InvariantCulture)} 2",
            $"sentinel down-after-milliseconds {MasterName} 1000",
            $"sentinel failover-timeout {MasterName} 5000",
            $"sentinel parallel-syncs {MasterName} 1") + "\n");
        string[] arguments = SentinelProgram == "redis-server" ? [configuration, "--sentinel"] : [configuration];
        return await RedisProcess.StartAsync(SentinelProgram, port, directory, arguments);
    }

    /// <summary>Debian's <c>redis-sentinel</c>; <c>redis-server --sentinel</c> does the same where only redis-server is installed.</summary>
    private static string SentinelProgram => File.Exists("/usr/bin/redis-sentinel") ? "redis-sentinel" : "redis-server";

    private async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"waited {Patience.TotalSeconds:0}s for {what}");
            }

            await Task.Delay(100);
        }
    }
}
