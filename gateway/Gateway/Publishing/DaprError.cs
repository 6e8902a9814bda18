using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Publishing;

/// <summary>
/// An error answered the way Dapr answers it: <c>{"errorCode","message","details":[ResourceInfo?, ErrorInfo]}</c>
/// with <c>Content-Type: application/json</c>.
/// </summary>
internal sealed record DaprError(
    int StatusCode,
    string ErrorCode,
    string Message,
    string? Reason,
    string? ResourceName,
    IReadOnlyDictionary<string, string>? ErrorMetadata)
{
    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = StatusCode;
        response.ContentType = "application/json";
        return response.Body.WriteAsync(ToJson()).AsTask();
    }

    public byte[] ToJson()
    {
        var body = new Body(ErrorCode, Message, Details());
        return JsonSerializer.SerializeToUtf8Bytes(body, DaprErrorJsonContext.Default.Body);
    }

    private List<Detail>? Details()
    {
        if (Reason is null)
        {
            return null;
        }

        var details = new List<Detail>(2);
        if (ResourceName is not null)
        {
            details.Add(new Detail("type.googleapis.com/google.rpc.ResourceInfo")
            {
                ResourceType = "pubsub",
                ResourceNameValue = ResourceName,
                Owner = "",
                Description = Message,
            });
        }

        details.Add(new Detail("type.googleapis.com/google.rpc.ErrorInfo")
        {
            Reason = Reason,
            Domain = "dapr.io",
            Metadata = ErrorMetadata ?? new Dictionary<string, string>(),
        });
        return details;
    }

    internal sealed record Body(
        [property: JsonPropertyName("errorCode")] string ErrorCode,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("details"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<Detail>? Details);

    internal sealed record Detail([property: JsonPropertyName("@type")] string Type)
    {
        [JsonPropertyName("resource_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ResourceType { get; init; }

        [JsonPropertyName("resource_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ResourceNameValue { get; init; }

        [JsonPropertyName("owner"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Owner { get; init; }

        [JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Description { get; init; }

        [JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; init; }

        [JsonPropertyName("domain"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Domain { get; init; }

        [JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyDictionary<string, string>? Metadata { get; init; }
    }
}

[JsonSerializable(typeof(DaprError.Body))]
internal sealed partial class DaprErrorJsonContext : JsonSerializerContext;
