namespace Gateway.CloudEvents;

/// <summary>Why an envelope could not be built; the publish endpoint maps each kind to one HTTP answer.</summary>
internal enum EnvelopeErrorKind
{
    /// <summary>
    /// Declared <c>application/cloudevents+json</c> but the body is not a JSON object: Dapr answers
    /// 500 <c>ERR_PUBSUB_CLOUD_EVENTS_SER</c> "cannot create cloudevent".
    /// </summary>
    NotJsonObject,

    /// <summary>
    /// The event (passthrough, binary-mode, or built from overrides) breaks a CloudEvents rule after Dapr's
    /// defaults were applied: the gateway answers 400 with the message, which names attribute and rule.
    /// </summary>
    InvalidCloudEvent,
}
