using System.Text.Json;
using Gateway.Resiliency;

namespace Gateway.Delivery;

/// <summary>
/// Reads an app's HTTP answer to one delivery exactly as Dapr reads it: 404 drops, any other non-2xx
/// retries; a 2xx is success unless its body decodes as <c>{"status": "..."}</c> with RETRY, DROP or an
/// unknown value (values are case-sensitive, the field name is not).
/// </summary>
internal static class AppReplyReader
{
    public static AppReply Interpret(int httpStatus, ReadOnlySpan<byte> body)
    {
        if (httpStatus == 404)
        {
            return new AppReply(AppReplyStatus.Drop, httpStatus, "the app answered 404");
        }

        if (httpStatus is < 200 or > 299)
        {
            return new AppReply(AppReplyStatus.Retry, httpStatus, $"the app answered {httpStatus}");
        }

        var status = ReadStatus(body);
        return status switch
        {
            null or "" or "SUCCESS" => new AppReply(AppReplyStatus.Success, httpStatus, "delivered"),
            "RETRY" => new AppReply(AppReplyStatus.Retry, httpStatus, "the app answered RETRY"),
            "DROP" => new AppReply(AppReplyStatus.Drop, httpStatus, "the app answered DROP"),
            _ => new AppReply(AppReplyStatus.Retry, httpStatus, $"the app answered the unknown status '{status}'"),
        };
    }

    /// <summary>The <c>status</c> string, or null when the body is not an object with a string status.</summary>
    private static string? ReadStatus(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "status", StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null => "",
                        _ => null,
                    };
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
