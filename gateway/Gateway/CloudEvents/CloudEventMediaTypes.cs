namespace Gateway.CloudEvents;

/// <summary>CloudEvents media types and the JSON-ness test of the JSON event format.</summary>
internal static class CloudEventMediaTypes
{
    /// <summary>
    /// The Content-Type the gateway emits for a structured event. Exactly this spelling: the JS
    /// <c>cloudevents</c> SDK looks parsers up by the literal string and fails on <c>charset=UTF-8</c>.
    /// </summary>
    public const string StructuredJson = "application/cloudevents+json; charset=utf-8";

    /// <summary>The structured JSON format media type without parameters (J1); the drivers store it by this name too.</summary>
    public const string Structured = Gateway.Drivers.ContentTypeBytes.StructuredCloudEvent;

    /// <summary>The batch format media type (J13).</summary>
    public const string Batch = "application/cloudevents-batch+json";

    /// <summary>The CloudEvents protobuf format, which Dapr carries as <c>data_base64</c>.</summary>
    public const string StructuredProtobuf = "application/cloudevents+protobuf";

    /// <summary>
    /// True when the media type, without parameters, is <c>*/json</c> or <c>*/*+json</c> (J7), except
    /// <c>application/cloudevents+json</c>, which is a whole event rather than data. Dapr's own test only matches <c>application/json</c>; the gateway
    /// follows the CloudEvents spec so that <c>application/problem+json</c> is embedded as JSON too.
    /// </summary>
    public static bool IsJson(string? contentType)
    {
        string essence = MediaTypeGrammar.Essence(contentType);
        if (essence == Structured)
        {
            return false;
        }

        int slash = essence.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        string subtype = essence[(slash + 1)..];
        return subtype == "json" || subtype.EndsWith("+json", StringComparison.Ordinal);
    }

    /// <summary>True for text that Dapr carries as a string: <c>text/*</c>, <c>application/xml</c> and <c>*/*+xml</c>.</summary>
    public static bool IsText(string? contentType)
    {
        string essence = MediaTypeGrammar.Essence(contentType);
        return essence.StartsWith("text/", StringComparison.Ordinal)
            || essence == "application/xml"
            || essence.EndsWith("+xml", StringComparison.Ordinal);
    }

    /// <summary>True when the content type, parameters ignored, is <c>application/cloudevents+json</c>.</summary>
    public static bool IsStructuredJson(string? contentType) => MediaTypeGrammar.Essence(contentType) == Structured;
}
