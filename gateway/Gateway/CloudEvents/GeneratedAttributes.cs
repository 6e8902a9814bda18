namespace Gateway.CloudEvents;

/// <summary>The attribute values of a Dapr-built envelope after <c>cloudevent.*</c> overrides and defaults.</summary>
internal sealed record GeneratedAttributes(
    string Id, string Source, string EventType, string ContentType, string? Subject, string TraceParent, string TraceState)
{
    public static GeneratedAttributes Resolve(EnvelopeRequest request)
    {
        var overrides = CloudEventMetadataOverrides.From(request.Metadata);
        string source = overrides.Source ?? request.AppId;
        return new GeneratedAttributes(
            overrides.Id ?? Guid.NewGuid().ToString(),
            source.Length == 0 ? DaprEnvelopeDefaults.DefaultSource : source,
            overrides.Type ?? DaprEnvelopeDefaults.DefaultEventType,
            string.IsNullOrEmpty(request.ContentType) ? DaprEnvelopeDefaults.DefaultContentType : request.ContentType,
            overrides.Subject,
            overrides.TraceParent ?? overrides.TraceId ?? request.TraceParent,
            overrides.TraceState ?? request.TraceState);
    }
}
