using System.Text.Json;
using System.Text.Unicode;

namespace Gateway.CloudEvents;

/// <summary>
/// Validates an <c>application/cloudevents-batch+json</c> body (J13, C22): a JSON array of JSON-format
/// events, possibly empty, all with the same <c>specversion</c>. Each element's violations are reported
/// with an <c>event[i]:</c> prefix.
/// </summary>
internal static class CloudEventBatchValidator
{
    public static IReadOnlyList<CloudEventViolation> Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            return [Whole("must be UTF-8 encoded JSON (RFC 8259)")];
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray());
            return Validate(document.RootElement);
        }
        catch (JsonException exception)
        {
            return [Whole($"must be a JSON array; the body is not valid JSON ({exception.Message})")];
        }
    }

    public static IReadOnlyList<CloudEventViolation> Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return [Whole($"must be a JSON array of events, not {root.ValueKind.ToString().ToLowerInvariant()}")];
        }

        var violations = new List<CloudEventViolation>();
        string? firstSpecVersion = null;
        int index = 0;
        foreach (var element in root.EnumerateArray())
        {
            foreach (var violation in CloudEventValidator.Validate(element))
            {
                violations.Add(violation with { Message = $"event[{index}]: {violation.Message}" });
            }

            if (element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty(CloudEventAttributeNames.SpecVersion, out var version)
                && version.ValueKind == JsonValueKind.String)
            {
                string value = version.GetString() ?? string.Empty;
                firstSpecVersion ??= value;
                if (value != firstSpecVersion)
                {
                    violations.Add(CloudEventViolation.Create(CloudEventAttributeNames.SpecVersion, "C22", "Message",
                        $"must be the same for every event of a batch; event[{index}] differs from '{firstSpecVersion}'", value));
                }
            }

            index++;
        }

        return violations;
    }

    private static CloudEventViolation Whole(string requirement) =>
        CloudEventViolation.Create(CloudEventViolation.WholeEvent, "J13", "json-format 4", "batch " + requirement);
}
