using System.Net.Mime;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// The .NET CloudEvents SDK (CloudNative.CloudEvents 2.9.0) as an independent judge: a delivery the gateway
/// made as a structured CloudEvent must parse with its JSON formatter.
/// </summary>
internal static class CloudEventsSdk
{
    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>The delivery's body parsed by the SDK; throws when the SDK refuses it.</summary>
    public static CloudEvent Parse(ReceivedDelivery delivery) =>
        Formatter.DecodeStructuredModeMessage(delivery.Body, new ContentType("application/cloudevents+json"), extensionAttributes: null);

    /// <summary>Every one of <paramref name="deliveries"/> parsed by the SDK.</summary>
    public static IReadOnlyList<CloudEvent> ParseAll(IEnumerable<ReceivedDelivery> deliveries) => [.. deliveries.Select(Parse)];
}
