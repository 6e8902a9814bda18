using System.Collections.Concurrent;

namespace Gateway.Drivers.Redis;

/// <summary>
/// The entries this driver instance is handling right now, per stream and group. The reclaim loop
/// skips them, so a handler that runs past <see cref="RedisOptions.ProcessingTimeout"/> is not given
/// its own entry a second time by the same process (other instances may still claim it).
/// </summary>
internal sealed class InFlightEntries
{
    private readonly ConcurrentDictionary<(string Topic, string Group, string Id), byte> _entries = new();

    public bool TryAdd(string topic, string group, string id) => _entries.TryAdd((topic, group, id), 0);

    public bool Contains(string topic, string group, string id) => _entries.ContainsKey((topic, group, id));

    public void Remove(string topic, string group, string id) => _entries.TryRemove((topic, group, id), out _);
}
