using System.Globalization;
using Gateway.Drivers;

namespace Gateway.Tests.Resources;

/// <summary>
/// A driver factory that only checks metadata, standing in for the real drivers:
/// <c>pubsub.in-memory</c> knows only <c>maxPendingMessages</c> (a positive integer);
/// <c>pubsub.redis</c> requires <c>redisHost</c>.
/// </summary>
internal sealed class FakePubSubDriverFactory(string componentType) : IPubSubDriverFactory
{
    public const string InMemory = "pubsub.in-memory";
    public const string Redis = "pubsub.redis";

    public static IReadOnlyDictionary<string, IPubSubDriverFactory> All { get; } = new Dictionary<string, IPubSubDriverFactory>
    {
        [InMemory] = new FakePubSubDriverFactory(InMemory),
        [Redis] = new FakePubSubDriverFactory(Redis),
    };

    public string ComponentType { get; } = componentType;

    public IReadOnlyList<MetadataProblem> Validate(IReadOnlyDictionary<string, string> metadata) =>
        ComponentType == Redis ? ValidateRedis(metadata) : ValidateInMemory(metadata);

    public IPubSubDriver Create(DriverContext context) =>
        throw new InvalidOperationException("The fake factory only validates metadata; it creates no drivers.");

    private static List<MetadataProblem> ValidateInMemory(IReadOnlyDictionary<string, string> metadata)
    {
        var problems = new List<MetadataProblem>();
        foreach (var (key, value) in metadata.Where(pair => !RuntimeMetadataKeys.All.Contains(pair.Key)))
        {
            if (!string.Equals(key, "maxPendingMessages", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new MetadataProblem(key, "is not a pubsub.in-memory setting; remove it (known: maxPendingMessages)"));
            }
            else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                problems.Add(new MetadataProblem(key, "must be a positive integer"));
            }
        }

        return problems;
    }

    private static List<MetadataProblem> ValidateRedis(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue("redisHost", out var host) && host.Length > 0
            ? []
            : [new MetadataProblem("redisHost", "is required; set it to host:port of the Redis server")];
}
