using System.Globalization;
using System.Text.Json;
using static Gateway.CloudEvents.CloudEventAttributeNames;

namespace Gateway.CloudEvents;

/// <summary>
/// Checks one attribute value against its CloudEvents type (C3-C9, J2, J3) and the attribute's own rule
/// (C10-C18). A JSON <c>null</c> means "unset" (J4) and is never checked here.
/// </summary>
internal static class AttributeValueRules
{
    public static void Check(string name, JsonElement value, List<CloudEventViolation> violations)
    {
        bool isCore = name is Id or Source or SpecVersion or EventType or DataContentType or DataSchema or Subject or Time;
        if (isCore)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                violations.Add(CloudEventViolation.Create(name, "J2", "json-format 2.2",
                    "must be a JSON string", value.GetRawText()));
                return;
            }

            CheckString(name, value, violations, core: true);
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(name, value, violations, core: false);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                break;
            case JsonValueKind.Number:
                CheckInteger(name, value.GetRawText(), violations);
                break;
            default:
                violations.Add(CloudEventViolation.Create(name, "J3", "json-format 2",
                    "must be a top-level string, boolean or integer; extensions cannot nest objects or arrays",
                    value.GetRawText()));
                break;
        }
    }

    private static void CheckInteger(string name, string raw, List<CloudEventViolation> violations)
    {
        string digits = raw.StartsWith('-') ? raw[1..] : raw;
        bool shape = digits.Length > 0 && digits.All(char.IsAsciiDigit);
        if (!shape)
        {
            violations.Add(CloudEventViolation.Create(name, "C4", "Type System",
                "must be an Integer: digits with an optional leading '-', no fraction or exponent", raw));
        }
        else if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            violations.Add(CloudEventViolation.Create(name, "C4", "Type System",
                "must be an Integer within -2147483648..2147483647", raw));
        }
    }

    /// <summary>
    /// Checks an attribute the gateway writes as a JSON string itself, without a JSON round trip: the
    /// same rules <see cref="Check"/> applies to a string member of that name.
    /// </summary>
    public static void CheckString(string name, string value, List<CloudEventViolation> violations) =>
        CheckString(name, value, violations, core: name is Id or Source or SpecVersion or EventType or DataContentType or DataSchema or Subject or Time);

    private static void CheckString(string name, JsonElement element, List<CloudEventViolation> violations, bool core) =>
        CheckString(name, JsonStringLiteral.Decode(element.GetRawText()), violations, core);

    private static void CheckString(string name, string value, List<CloudEventViolation> violations, bool core)
    {
        string? problem = CloudEventStringRule.FindProblem(value);
        if (problem is not null)
        {
            violations.Add(CloudEventViolation.Create(name, "C5", "Type System",
                $"must be a String without control characters, noncharacters or unpaired surrogates ({problem})", value));
            return;
        }

        if (core)
        {
            CheckCoreValue(name, value, violations);
        }
    }

    private static void CheckCoreValue(string name, string value, List<CloudEventViolation> violations)
    {
        CloudEventViolation? violation = name switch
        {
            Id when value.Length == 0 => CloudEventViolation.Create(name, "C10", "id", "must be a non-empty String"),
            Source when value.Length == 0 => CloudEventViolation.Create(name, "C11", "source", "must be a non-empty URI-reference"),
            Source when !UriGrammar.IsUriReference(value) =>
                CloudEventViolation.Create(name, "C11", "source", "must be an RFC 3986 URI-reference", value),
            SpecVersion when value != SupportedSpecVersion =>
                CloudEventViolation.Create(name, "C12", "specversion", $"must be exactly '{SupportedSpecVersion}'", value),
            EventType when value.Length == 0 => CloudEventViolation.Create(name, "C13", "type", "must be a non-empty String"),
            DataContentType when !MediaTypeGrammar.IsValid(value) =>
                CloudEventViolation.Create(name, "C14", "datacontenttype", "must be an RFC 2046 media type such as 'text/plain'", value),
            DataSchema when !UriGrammar.IsAbsoluteUri(value) =>
                CloudEventViolation.Create(name, "C16", "dataschema", "must be a non-empty absolute URI", value),
            Subject when value.Length == 0 => CloudEventViolation.Create(name, "C17", "subject", "must be non-empty when present"),
            Time when !Rfc3339Timestamp.IsValid(value) =>
                CloudEventViolation.Create(name, "C18", "time", "must be an RFC 3339 timestamp", value),
            _ => null,
        };

        if (violation is not null)
        {
            violations.Add(violation);
        }
    }
}
