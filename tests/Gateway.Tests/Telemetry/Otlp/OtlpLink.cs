namespace Gateway.Tests.Telemetry.Otlp;

/// <summary>One link of an OTLP span (<c>Span.Link</c>: trace_id 1, span_id 2): the span context it points to.</summary>
internal sealed record OtlpLink(string TraceId, string SpanId);
