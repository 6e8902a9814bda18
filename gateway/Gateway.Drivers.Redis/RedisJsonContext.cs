using System.Text.Json.Serialization;

namespace Gateway.Drivers.Redis;

/// <summary>Source-generated JSON for the <c>metadata</c> field of stream entries.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RedisJsonContext : JsonSerializerContext;
