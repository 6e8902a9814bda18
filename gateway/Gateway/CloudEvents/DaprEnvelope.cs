namespace Gateway.CloudEvents;

/// <summary>
/// Builds the CloudEvent envelope of a (non-raw) publish exactly as Dapr does (dapr-pubsub spec §2.6,
/// §2.7), with two gateway differences: JSON detection follows CloudEvents J7 (<c>+json</c> counts), and the
/// result must pass <see cref="CloudEventValidator"/>.
/// </summary>
internal static class DaprEnvelope
{
    /// <summary>
    /// <c>application/cloudevents+json</c> (any case, any parameters) → passthrough. A binary-mode CloudEvent
    /// (a <c>ce-specversion</c> header and a non-CloudEvents content type) → read into a structured event,
    /// then passthrough. Anything else → a new envelope around the body.
    /// </summary>
    public static EnvelopeResult Create(EnvelopeRequest request)
    {
        if (CloudEventMediaTypes.IsStructuredJson(request.ContentType))
        {
            return PassthroughEnvelope.Create(request.Body, request);
        }

        if (IsBinaryMode(request))
        {
            return BinaryModeReader.TryRead(request.BinaryModeHeaders!, request.ContentType, request.Body.Span, out var json, out var error)
                ? PassthroughEnvelope.Create(json, request)
                : EnvelopeResult.Failure(EnvelopeErrorKind.InvalidCloudEvent, error);
        }

        return GeneratedEnvelope.Create(request);
    }

    private static bool IsBinaryMode(EnvelopeRequest request) =>
        request.BinaryModeHeaders is { Count: > 0 } headers
        && headers.Keys.Any(key => string.Equals(key, "ce-specversion", StringComparison.OrdinalIgnoreCase))
        && CloudEventHttpModeDetector.Detect(request.ContentType) == CloudEventHttpMode.Binary;
}
