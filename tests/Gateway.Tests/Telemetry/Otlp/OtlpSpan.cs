namespace Gateway.Tests.Telemetry.Otlp;

/// <summary>One span of an OTLP <c>ExportTraceServiceRequest</c>, with its resource's attributes.</summary>
internal sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, object> Attributes,
    int StatusCode,
    string StatusMessage,
    IReadOnlyDictionary<string, object> Resource,
    IReadOnlyList<OtlpLink> Links)
{
    /// <summary>opentelemetry.proto.trace.v1.Span.SpanKind: PRODUCER.</summary>
    public const int KindProducer = 4;

    /// <summary>opentelemetry.proto.trace.v1.Span.SpanKind: CONSUMER.</summary>
    public const int KindConsumer = 5;

    /// <summary>opentelemetry.proto.trace.v1.Status.StatusCode: ERROR.</summary>
    public const int StatusError = 2;

    // ExportTraceServiceRequest.resource_spans = 1; ResourceSpans.resource = 1, scope_spans = 2;
    // ScopeSpans.spans = 2; Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, attributes 9, links 13, status 15;
    // Span.Link: trace_id 1, span_id 2.
    public static IEnumerable<OtlpSpan> Decode(ReadOnlyMemory<byte> request)
    {
        foreach (var resourceSpans in ProtoReader.Messages(request, 1))
        {
            var resource = ProtoReader.Messages(resourceSpans, 1).Select(OtlpValues.Attributes).FirstOrDefault() ?? new Dictionary<string, object>();
            foreach (var scopeSpans in ProtoReader.Messages(resourceSpans, 2))
            {
                foreach (var span in ProtoReader.Messages(scopeSpans, 2))
                {
                    yield return Span(span, resource);
                }
            }
        }
    }

    private static OtlpSpan Span(ReadOnlyMemory<byte> span, IReadOnlyDictionary<string, object> resource)
    {
        var fields = ProtoReader.Fields(span);
        string Bytes(int number) => fields.FirstOrDefault(f => f.Number == number).Hex;
        var status = fields.Where(f => f.Number == 15).Select(f => ProtoReader.Fields(f.Bytes)).FirstOrDefault() ?? [];
        return new OtlpSpan(
            Bytes(1),
            Bytes(2),
            Bytes(4),
            fields.FirstOrDefault(f => f.Number == 5).Text,
            (int)fields.FirstOrDefault(f => f.Number == 6).Scalar,
            OtlpValues.KeyValues(fields.Where(f => f.Number == 9).Select(f => f.Bytes)),
            (int)status.FirstOrDefault(f => f.Number == 3).Scalar,
            status.FirstOrDefault(f => f.Number == 2).Text,
            resource,
            [.. fields.Where(f => f.Number == 13).Select(Link)]);
    }

    private static OtlpLink Link(ProtoField link)
    {
        var fields = ProtoReader.Fields(link.Bytes);
        return new OtlpLink(fields.FirstOrDefault(f => f.Number == 1).Hex, fields.FirstOrDefault(f => f.Number == 2).Hex);
    }
}
