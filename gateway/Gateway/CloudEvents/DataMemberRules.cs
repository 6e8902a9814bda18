using System.Text.Json;
using static Gateway.CloudEvents.CloudEventAttributeNames;

namespace Gateway.CloudEvents;

/// <summary>Rules for the <c>data</c> and <c>data_base64</c> members (C6, J9, J10, J11).</summary>
internal static class DataMemberRules
{
    public static void Check(JsonElement root, List<CloudEventViolation> violations)
    {
        // An explicit "data": null is a payload (J10); "data_base64": null is an unset member (J4).
        bool hasData = root.TryGetProperty(Data, out _);
        if (!root.TryGetProperty(DataBase64, out var base64) || base64.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (hasData)
        {
            violations.Add(CloudEventViolation.Create(DataBase64, "J9", "json-format 3.1",
                "cannot be present together with 'data'; they are mutually exclusive"));
        }

        if (base64.ValueKind != JsonValueKind.String)
        {
            violations.Add(CloudEventViolation.Create(DataBase64, "C6", "Type System",
                "must be a JSON string holding RFC 4648 base64", base64.GetRawText()));
            return;
        }

        string text = JsonStringLiteral.Decode(base64.GetRawText());
        if (!StrictBase64.IsValid(text))
        {
            violations.Add(CloudEventViolation.Create(DataBase64, "C6", "Type System",
                "must be RFC 4648 base64 (standard alphabet, length a multiple of 4, '=' only as final padding)",
                text.Length > 64 ? text[..64] + "…" : text));
        }
    }
}
