using System.Text;
using System.Text.Json;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

/// <summary>Builds envelope requests for tests and runs them.</summary>
internal static class EnvelopeRequests
{
    public static readonly DateTimeOffset Now = new(2024, 1, 1, 10, 0, 0, 250, TimeSpan.Zero);

    public static EnvelopeRequest Make(
        string body,
        string? contentType,
        Dictionary<string, string>? metadata = null,
        Dictionary<string, string>? ceHeaders = null,
        string appId = "checkout",
        string traceParent = "",
        string traceState = "") =>
        new(Encoding.UTF8.GetBytes(body), contentType, ceHeaders, appId, "pubsub", "orders",
            metadata ?? new Dictionary<string, string>(), traceParent, traceState, Now);

    /// <summary>Creates the envelope, asserts success and that it passes the validator, and returns its root.</summary>
    public static JsonElement Envelope(EnvelopeRequest request)
    {
        var result = DaprEnvelope.Create(request);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Empty(CloudEventValidator.Validate(result.Bytes));
        return JsonDocument.Parse(result.Bytes).RootElement.Clone();
    }

    public static string? Text(this JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;
}
