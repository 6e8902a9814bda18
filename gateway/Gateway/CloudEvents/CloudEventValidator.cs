using System.Text.Json;
using System.Text.Unicode;
using static Gateway.CloudEvents.CloudEventAttributeNames;

namespace Gateway.CloudEvents;

/// <summary>
/// Strict validator of one JSON-format CloudEvent (CloudEvents 1.0 with the gateway's decisions, see
/// the CloudEvents 1.0.2 specification, https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md). Reports every violation, not just the first.
/// </summary>
/// <remarks>
/// Not treated as violations, because the spec says SHOULD or MAY: names longer than 20 characters,
/// names starting with a digit, a non-string <c>data</c> with a non-JSON <c>datacontenttype</c> (J12),
/// events larger than 64 KiB (C21 only obliges intermediaries to forward at least that much).
/// </remarks>
internal static class CloudEventValidator
{
    /// <summary>Validates UTF-8 JSON bytes that should hold one CloudEvent object.</summary>
    public static IReadOnlyList<CloudEventViolation> Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            return [CloudEventViolation.Create(CloudEventViolation.WholeEvent, "J1", "json-format 3",
                "must be UTF-8 encoded JSON (RFC 8259)")];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException exception)
        {
            return [CloudEventViolation.Create(CloudEventViolation.WholeEvent, "J1", "json-format 3",
                $"must be a JSON object; the body is not valid JSON ({exception.Message})")];
        }

        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    /// <summary>Validates a parsed event. Duplicate members are seen because JsonDocument keeps them.</summary>
    public static IReadOnlyList<CloudEventViolation> Validate(JsonElement root)
    {
        var violations = new List<CloudEventViolation>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            violations.Add(CloudEventViolation.Create(CloudEventViolation.WholeEvent, "J1", "json-format 3",
                $"must be a JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}"));
            return violations;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reportedDuplicates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in root.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                if (reportedDuplicates.Add(member.Name))
                {
                    violations.Add(CloudEventViolation.Create(member.Name, "C2", "Context Attributes",
                        "must appear at most once; the JSON object repeats the member"));
                }

                continue;
            }

            CheckMember(member, violations);
        }

        CheckRequired(root, violations);
        DataMemberRules.Check(root, violations);
        return violations;
    }

    private static void CheckMember(JsonProperty member, List<CloudEventViolation> violations)
    {
        if (member.Name is Data or DataBase64)
        {
            return;
        }

        if (!IsValidName(member.Name))
        {
            violations.Add(CloudEventViolation.Create(member.Name, "C1", "Attribute Naming Convention",
                "has an invalid name: attribute names consist of a-z and 0-9 only"));
            return;
        }

        if (member.Value.ValueKind != JsonValueKind.Null)
        {
            AttributeValueRules.Check(member.Name, member.Value, violations);
        }
    }

    private static void CheckRequired(JsonElement root, List<CloudEventViolation> violations)
    {
        foreach (string name in Required)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                string rule = name switch { Id => "C10", Source => "C11", SpecVersion => "C12", _ => "C13" };
                violations.Add(CloudEventViolation.Create(name, rule, name, "is REQUIRED but missing (or null)"));
            }
        }
    }
}
