using System.Diagnostics;
using System.Globalization;

namespace Gateway.Drivers.Tests.Redis.Topologies;

/// <summary>
/// A Redis Cluster on loopback: <c>masters</c> primaries, each with <c>replicasEach</c> replicas, joined with
/// <c>redis-cli --cluster create</c>; a node is taken for failed after 2 s. Started by the tests, stopped on dispose.
/// </summary>
internal sealed class RedisClusterSet : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<RedisProcess> _nodes = [];

    public IReadOnlyList<RedisProcess> Nodes => _nodes;

    /// <summary>Metadata of a <c>pubsub.redis</c> component using this cluster (one node named; the client finds the others).</summary>
    public Dictionary<string, string> Metadata => new()
    {
        ["redisHost"] = string.Join(",", _nodes.Take(2).Select(n => n.Address)),
        ["redisType"] = "cluster",
    };

    public static async Task<RedisClusterSet> StartAsync(int masters = 3, int replicasEach = 0, bool appendOnly = false)
    {
        var set = new RedisClusterSet();
        try
        {
            for (var i = 0; i < masters * (1 + replicasEach); i++)
            {
                var port = RedisProcess.FreePort(withBusPort: true);
                set._nodes.Add(await RedisProcess.StartAsync("redis-server", port, RedisProcess.NewDirectory("cluster"),
                [
                    "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", ".", "--save", "",
                    "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always",
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000",
                ]));
            }

            var create = await RedisProcess.Cli(set._nodes[0].Port,
                ["--cluster", "create", .. set._nodes.Select(n => n.Address), "--cluster-replicas", replicasEach.ToString(CultureInfo.InvariantCulture), "--cluster-yes"]);
            if (!create.Contains("All 16384 slots covered", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"redis-cli --cluster create failed:\n{create}");
            }

            await set.WaitAsync(async () =>
            {
                foreach (var node in set._nodes)
                {
                    var info = await node.CliAsync("CLUSTER", "INFO");
                    if (!info.Contains("cluster_state:ok", StringComparison.Ordinal)
                        || !info.Contains($"cluster_known_nodes:{set._nodes.Count}", StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                // Every replica has synced with its primary.
                foreach (var node in set._nodes)
                {
                    var replication = await node.CliAsync("INFO", "replication");
                    if (replication.Contains("role:slave", StringComparison.Ordinal) && !replication.Contains("master_link_status:up", StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            }, "the cluster to agree on its nodes and slots");
            return set;
        }
        catch
        {
            await set.DisposeAsync();
            throw;
        }
    }

    /// <summary>The primary serving <paramref name="key"/>'s hash slot now.</summary>
    public async Task<RedisProcess> PrimaryOfAsync(string key)
    {
        var slot = int.Parse(await _nodes.First(n => n.IsRunning).CliAsync("CLUSTER", "KEYSLOT", key), CultureInfo.InvariantCulture);
        foreach (var node in _nodes.Where(n => n.IsRunning))
        {
            var role = await node.CliAsync("ROLE");
            if (!role.StartsWith("master", StringComparison.Ordinal))
            {
                continue;
            }

            var nodes = await node.CliAsync("CLUSTER", "NODES");
            var myself = nodes.Split('\n').First(l => l.Contains("myself", StringComparison.Ordinal));
            if (OwnsSlot(myself, slot))
            {
                return node;
            }
        }

        throw new InvalidOperationException($"no running primary serves slot {slot}");
    }

    /// <summary>Waits until a running primary other than <paramref name="old"/> serves <paramref name="key"/>'s slot and the cluster is ok again.</summary>
    public Task WaitForFailoverAsync(RedisProcess old, string key) => WaitAsync(async () =>
    {
        try
        {
            var primary = await PrimaryOfAsync(key);
            return primary != old && (await primary.CliAsync("CLUSTER", "INFO")).Contains("cluster_state:ok", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }, "a replica to take over the slot");

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    private static bool OwnsSlot(string nodesLine, int slot)
    {
        foreach (var range in nodesLine.Split(' ').Skip(8))
        {
            var bounds = range.Split('-');
            if (int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                && int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                && slot >= first && slot <= last)
            {
                return true;
            }
        }

        return false;
    }

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
