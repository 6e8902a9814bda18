using System.Text.Json;
using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.TestSupport;

/// <summary>How often each message id reached the subscriber app (the <c>data.id</c> of each CloudEvent).</summary>
internal static class DeliveryCounts
{
    public static IReadOnlyDictionary<string, int> Of(TestSubscriber subscriber)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var delivery in subscriber.Received)
        {
            var id = IdOf(delivery);
            if (id is not null)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts;
    }

    public static string? IdOf(ReceivedDelivery delivery)
    {
        try
        {
            return delivery.Json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Extra deliveries beyond the first of each id.</summary>
    public static int Duplicates(IReadOnlyDictionary<string, int> counts) => counts.Values.Sum(c => c - 1);

    public static IReadOnlyList<string> Missing(IEnumerable<string> promised, IReadOnlyDictionary<string, int> counts) =>
        [.. promised.Where(id => !counts.ContainsKey(id)).Order(StringComparer.Ordinal)];
}
