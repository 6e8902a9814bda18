using System.Text.Json.Serialization;

namespace Gateway.Authentication;

/// <summary>The 401 body: Dapr's error shape.</summary>
internal sealed record UnauthenticatedBody(
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message);

[JsonSerializable(typeof(UnauthenticatedBody))]
internal sealed partial class AuthenticationJsonContext : JsonSerializerContext;
