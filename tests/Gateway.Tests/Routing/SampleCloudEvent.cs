using System.Text.Json;
using Gateway.Routing;

namespace Gateway.Tests.Routing;

/// <summary>A CloudEvent as the gateway hands it to the router, plus helpers to evaluate against it.</summary>
internal static class SampleCloudEvent
{
    public const string Json = """
        {
          "specversion": "1.0",
          "type": "com.example.order",
          "source": "checkout",
          "id": "e-1",
          "subject": "orders/42",
          "time": "2026-01-02T03:04:05Z",
          "datacontenttype": "application/json",
          "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
          "topic": "orders",
          "pubsubname": "pubsub",
          "data": {
            "amount": 150,
            "price": 9.5,
            "delta": -3,
            "currency": "EUR",
            "flag": true,
            "nothing": null,
            "tags": ["a", "b"],
            "customer": { "tier": "gold", "name": "Zo\u00EB" },
            "items": [ { "sku": "x1", "qty": 2 } ],
            "quote": "say \"hi\"",
            "path": "a\\b",
            "multiline": "l1\nl2\tend\r",
            "if": "reserved",
            "big": 9007199254740993
          }
        }
        """;

    public static JsonElement Element { get; } = Parse(Json);

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Parses (asserting success) and evaluates against the sample event.</summary>
    public static RouteEvaluation Evaluate(string expression)
    {
        Assert.True(RouteExpression.TryParse(expression, out var parsed, out var error), error);
        return parsed.Evaluate(Element);
    }
}
