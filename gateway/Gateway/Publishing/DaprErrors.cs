namespace Gateway.Publishing;

/// <summary>
/// Every publish error of Dapr's status table (Dapr's publish API, https://docs.dapr.io/reference/api/pubsub_api/), built in one place so the
/// codes, reasons and messages stay exactly Dapr's.
/// </summary>
internal static class DaprErrors
{
    /// <summary>No pubsub name at all: unreachable through the HTTP router, reachable over gRPC.</summary>
    public static DaprError PubsubEmpty(IReadOnlyDictionary<string, string> requestMetadata) =>
        new(404, "ERR_PUBSUB_EMPTY", "pubsub name is empty", "DAPR_PUBSUB_NAME_EMPTY", "", requestMetadata);

    public static DaprError PubsubNotFound(string pubsub, IReadOnlyDictionary<string, string> requestMetadata) =>
        new(404, "ERR_PUBSUB_NOT_FOUND", $"pubsub {pubsub} is not found", "DAPR_PUBSUB_NOT_FOUND", null, requestMetadata);

    public static DaprError TopicEmpty(string pubsub, IReadOnlyDictionary<string, string> requestMetadata) =>
        new(404, "ERR_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {pubsub}", "DAPR_PUBSUB_TOPIC_NAME_EMPTY", pubsub, requestMetadata);

    public static DaprError RawPayloadNotBoolean(string pubsub, string value, IReadOnlyDictionary<string, string> requestMetadata) =>
        new(400, "ERR_PUBSUB_REQUEST_METADATA",
            $"failed deserializing metadata. Error: rawPayload value must be a valid boolean: actual is '{value}'",
            "DAPR_PUBSUB_METADATA_DESERIALIZATION", pubsub, requestMetadata);

    public static DaprError CannotCreateCloudEvent(string pubsub, string appId, string error) =>
        new(500, "ERR_PUBSUB_CLOUD_EVENTS_SER", "cannot create cloudevent", "DAPR_PUBSUB_CLOUD_EVENT_CREATION", pubsub,
            new Dictionary<string, string> { ["appID"] = appId, ["error"] = error });

    /// <summary>A CloudEvent the caller sent breaks a CloudEvents 1.0 rule (the gateway validates; Dapr does not).</summary>
    public static DaprError InvalidCloudEvent(string pubsub, string appId, string error) =>
        new(400, "ERR_PUBSUB_CLOUD_EVENTS_SER", $"invalid cloudevent: {error}", "DAPR_PUBSUB_CLOUD_EVENT_CREATION", pubsub,
            new Dictionary<string, string> { ["appID"] = appId, ["error"] = error });

    /// <summary>The answer for a CloudEvent the envelope could not be built from (Dapr's 500, or our 400 for a rule broken).</summary>
    public static DaprError FromEnvelope(CloudEvents.EnvelopeError error, string pubsub, string appId) =>
        error.Kind == CloudEvents.EnvelopeErrorKind.NotJsonObject
            ? CannotCreateCloudEvent(pubsub, appId, error.Message)
            : InvalidCloudEvent(pubsub, appId, error.Message);

    public static DaprError Forbidden(string pubsub, string topic, string appId)
    {
        var message = $"topic {topic} is not allowed for app id {appId}";
        return new(403, "ERR_PUBSUB_FORBIDDEN", message, "DAPR_PUBSUB_FORBIDDEN", pubsub,
            new Dictionary<string, string> { ["topic"] = topic, ["error"] = message });
    }

    /// <summary>A topic no app may use (reserved for the gateway, or with control characters): Dapr's forbidden answer, saying why.</summary>
    public static DaprError TopicRefused(string pubsub, string topic, string appId, string reason)
    {
        var message = $"topic {topic} is not allowed for app id {appId}: {reason}";
        return new(403, "ERR_PUBSUB_FORBIDDEN", message, "DAPR_PUBSUB_FORBIDDEN", pubsub,
            new Dictionary<string, string> { ["topic"] = topic, ["error"] = message });
    }

    public static DaprError PublishFailed(string pubsub, string topic, string error) =>
        PublishFailed(500, pubsub, topic, error);

    public static DaprError PublishFailed(int statusCode, string pubsub, string topic, string error)
    {
        var message = $"error when publishing to topic {topic} in pubsub {pubsub}: {error}";
        return new(statusCode, "ERR_PUBSUB_PUBLISH_MESSAGE", message, "DAPR_PUBSUB_PUBLISH_MESSAGE", pubsub,
            new Dictionary<string, string> { ["topic"] = topic, ["error"] = error });
    }

    /// <summary>The body is over the configured limit. Dapr answers 500 here; the gateway says what it is: 413.</summary>
    public static DaprError BodyTooLarge(string pubsub, string topic, long limitBytes) =>
        PublishFailed(413, pubsub, topic,
            $"the request body is larger than the limit of {limitBytes} bytes (setting Gateway:MaxRequestBodyBytes)");

    /// <summary>A body the client did not deliver (too slow, cut off): its fault, answered with its status, nothing published.</summary>
    public static DaprError BodyNotRead(string pubsub, string topic, BodyRead read) =>
        read.IsTooLarge ? BodyTooLarge(pubsub, topic, read.Limit) : PublishFailed(read.Status, pubsub, topic, read.Reason);

    public static DaprError BulkUnmarshal(string pubsub, string topic, string appId, string jsonError) =>
        new(400, "ERR_PUBSUB_EVENTS_SER",
            $"error when unmarshaling the request for topic {topic} pubsub {pubsub}: {jsonError}",
            "DAPR_PUBSUB_UNMARSHAL_EVENTS", pubsub, new Dictionary<string, string> { ["appID"] = appId });

    public static DaprError BulkEntryIdInvalid(string pubsub, string topic, string appId)
    {
        const string error = "entryId is duplicated or not present for entry";
        return new(400, "ERR_PUBSUB_EVENTS_SER",
            $"error marshaling events to bytes for topic {topic} pubsub {pubsub}. error: {error}",
            "DAPR_PUBSUB_MARSHAL_EVENTS", pubsub, new Dictionary<string, string> { ["appID"] = appId, ["error"] = error });
    }

    /// <summary>An entry whose event does not fit its content type; <paramref name="error"/> is the converter's text, starting "error: ".</summary>
    public static DaprError BulkEventMismatch(string pubsub, string topic, string appId, string error) =>
        new(400, "ERR_PUBSUB_EVENTS_SER",
            $"error when marshalling cloud event envelope for topic {topic} pubsub {pubsub}: {error}",
            "DAPR_PUBSUB_MARSHAL_ENVELOPE", pubsub, new Dictionary<string, string> { ["appID"] = appId, ["error"] = error });

    /// <summary>Paths under the Dapr API that match no route: Dapr falls through to service invocation.</summary>
    public static DaprError NoRoute() =>
        new(404, "ERR_DIRECT_INVOKE", "failed getting app id either from the URL path or the header dapr-app-id", null, null, null);
}
