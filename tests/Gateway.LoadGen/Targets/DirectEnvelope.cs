using Gateway.CloudEvents;

namespace Gateway.LoadGen.Targets;

/// <summary>
/// The bytes the gateway would store for a publish of <paramref name="payload"/>: the CloudEvent made by
/// the gateway's own <see cref="DaprEnvelope"/>, built once; only the stamp changes per message.
/// </summary>
internal static class DirectEnvelope
{
    public static byte[] Create(byte[] payload, string pubsubName, string topic, string appId)
    {
        var result = DaprEnvelope.Create(new EnvelopeRequest(
            payload, "application/json", null, appId, pubsubName, topic, new Dictionary<string, string>(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "", DateTimeOffset.UtcNow));
        return result.Bytes ?? throw new InvalidOperationException($"the payload cannot be wrapped in a CloudEvent: {result.Error?.Message}");
    }
}
