using Gateway.Resiliency;
using System.Text.Json;

namespace Gateway.Delivery;

/// <summary>
/// An app's answer to one bulk delivery, read as Dapr reads it (Dapr's bulk subscribe, https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-bulk/): 404 drops every
/// entry, any other non-2xx retries every entry; a 2xx must carry <c>{"statuses":[{"entryId","status"}]}</c>,
/// else (empty body included) every entry is retried. Per entry SUCCESS acknowledges, DROP drops, anything
/// else (RETRY, empty, unknown, or no status for the entry) retries. Statuses for unknown entry IDs are ignored.
/// </summary>
internal sealed class BulkReply
{
    private readonly IReadOnlyDictionary<string, AppReplyStatus> _statuses;
    private readonly AppReplyStatus _fallback;

    private BulkReply(IReadOnlyDictionary<string, AppReplyStatus> statuses, AppReplyStatus fallback, int httpStatus, string detail)
    {
        _statuses = statuses;
        _fallback = fallback;
        HttpStatus = httpStatus;
        Detail = detail;
    }

    /// <summary>The HTTP status of the reply; 0 when there was none (transport failure, timeout).</summary>
    public int HttpStatus { get; }

    /// <summary>Why entries that are not acknowledged were not, for the log.</summary>
    public string Detail { get; }

    /// <summary>What the app said about one entry of the request.</summary>
    public AppReplyStatus StatusOf(string entryId) => _statuses.GetValueOrDefault(entryId, _fallback);

    /// <summary>Every entry retried, without an HTTP status: the app could not be reached or did not answer in time.</summary>
    public static BulkReply NoAnswer(string detail) => new(new Dictionary<string, AppReplyStatus>(), AppReplyStatus.Retry, 0, detail);

    /// <summary>Every entry dropped (a gRPC app that does not implement bulk delivery).</summary>
    public static BulkReply AllDropped(string detail) => new(new Dictionary<string, AppReplyStatus>(), AppReplyStatus.Drop, 0, detail);

    /// <summary>A gRPC app's statuses per entry; an entry it did not name is retried.</summary>
    public static BulkReply FromStatuses(IReadOnlyDictionary<string, AppReplyStatus> statuses) =>
        new(statuses, AppReplyStatus.Retry, 0, "the app answered RETRY, an unknown status, or no status for the entry");

    public static BulkReply Interpret(int httpStatus, ReadOnlySpan<byte> body)
    {
        var none = new Dictionary<string, AppReplyStatus>();
        if (httpStatus == 404)
        {
            return new(none, AppReplyStatus.Drop, httpStatus, "the app answered 404");
        }

        if (httpStatus is < 200 or > 299)
        {
            return new(none, AppReplyStatus.Retry, httpStatus, $"the app answered {httpStatus}");
        }

        var statuses = ReadStatuses(body);
        return statuses is null
            ? new(none, AppReplyStatus.Retry, httpStatus, "the app's answer is not a JSON object with 'statuses'")
            : new(statuses, AppReplyStatus.Retry, httpStatus, "the app answered RETRY, an unknown status, or no status for the entry");
    }

    /// <summary>Entry ID → status, or null when the body is not a JSON object whose <c>statuses</c> (any case) is an array or absent.</summary>
    private static Dictionary<string, AppReplyStatus>? ReadStatuses(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var statuses = new Dictionary<string, AppReplyStatus>(StringComparer.Ordinal);
            var list = Property(document.RootElement, "statuses");
            if (list is null or { ValueKind: JsonValueKind.Null })
            {
                return statuses;
            }

            if (list.Value.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var entry in list.Value.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && Property(entry, "entryId") is { ValueKind: JsonValueKind.String } id)
                {
                    statuses[id.GetString()!] = Property(entry, "status") switch
                    {
                        { ValueKind: JsonValueKind.String } status when status.ValueEquals("SUCCESS") => AppReplyStatus.Success,
                        { ValueKind: JsonValueKind.String } status when status.ValueEquals("DROP") => AppReplyStatus.Drop,
                        _ => AppReplyStatus.Retry,
                    };
                }
            }

            return statuses;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
