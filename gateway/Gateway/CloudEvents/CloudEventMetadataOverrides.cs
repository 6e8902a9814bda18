namespace Gateway.CloudEvents;

/// <summary>
/// The <c>cloudevent.*</c> publish metadata that overrides attributes of a Dapr-built envelope
/// (dapr-pubsub spec §2.5). Keys match case-insensitively; an empty value counts as not given.
/// <c>cloudevent.topic</c>, <c>.pubsub</c>, <c>.data</c> and <c>.datacontenttype</c> are deliberately not read.
/// </summary>
internal sealed record CloudEventMetadataOverrides(
    string? Id, string? Source, string? Type, string? Subject, string? TraceId, string? TraceParent, string? TraceState)
{
    private const string Prefix = "cloudevent.";

    private static readonly CloudEventMetadataOverrides None = new(null, null, null, null, null, null, null);

    public static CloudEventMetadataOverrides From(IReadOnlyDictionary<string, string> metadata) => metadata.Count == 0 ? None : new(
        Find(metadata, "id"),
        Find(metadata, "source"),
        Find(metadata, "type"),
        Find(metadata, "subject"),
        Find(metadata, "traceid"),
        Find(metadata, "traceparent"),
        Find(metadata, "tracestate"));

    private static string? Find(IReadOnlyDictionary<string, string> metadata, string attribute)
    {
        foreach (var (key, value) in metadata)
        {
            if (key.Length == Prefix.Length + attribute.Length
                && key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                && key.EndsWith(attribute, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return null;
    }
}
