namespace Gateway.Tests.Telemetry.Otlp;

/// <summary>One data point of a sum or gauge in an OTLP <c>ExportMetricsServiceRequest</c>.</summary>
internal sealed record OtlpMetricPoint(string Metric, string Unit, IReadOnlyDictionary<string, object> Attributes, double Value, IReadOnlyDictionary<string, object> Resource)
{
    // ExportMetricsServiceRequest.resource_metrics = 1; ResourceMetrics.resource = 1, scope_metrics = 2;
    // ScopeMetrics.metrics = 2; Metric: name 1, unit 3, gauge 5, sum 7, histogram 9;
    // Gauge/Sum.data_points = 1; NumberDataPoint: as_double 4 (fixed64), as_int 6 (sfixed64), attributes 7;
    // HistogramDataPoint: count 4 (fixed64), attributes 9 (the point's value here is its count).
    public static IEnumerable<OtlpMetricPoint> Decode(ReadOnlyMemory<byte> request)
    {
        foreach (var resourceMetrics in ProtoReader.Messages(request, 1))
        {
            var resource = ProtoReader.Messages(resourceMetrics, 1).Select(OtlpValues.Attributes).FirstOrDefault() ?? new Dictionary<string, object>();
            foreach (var scopeMetrics in ProtoReader.Messages(resourceMetrics, 2))
            {
                foreach (var metric in ProtoReader.Messages(scopeMetrics, 2))
                {
                    var fields = ProtoReader.Fields(metric);
                    var name = fields.First(f => f.Number == 1).Text;
                    var unit = fields.FirstOrDefault(f => f.Number == 3).Text;
                    foreach (var data in fields.Where(f => f.Number is 5 or 7 or 9))
                    {
                        foreach (var point in ProtoReader.Messages(data.Bytes, 1))
                        {
                            yield return Point(name, unit, data.Number == 9, point, resource);
                        }
                    }
                }
            }
        }
    }

    private static OtlpMetricPoint Point(string name, string unit, bool histogram, ReadOnlyMemory<byte> point, IReadOnlyDictionary<string, object> resource)
    {
        var fields = ProtoReader.Fields(point);
        var attributes = OtlpValues.KeyValues(fields.Where(f => f.Number == (histogram ? 9 : 7)).Select(f => f.Bytes));
        double value = histogram
            ? fields.FirstOrDefault(f => f.Number == 4).Scalar
            : fields.FirstOrDefault(f => f.Number == 4) is { WireType: ProtoField.Fixed64 } asDouble ? asDouble.AsDouble : (long)fields.FirstOrDefault(f => f.Number == 6).Scalar;
        return new OtlpMetricPoint(name, unit, attributes, value, resource);
    }
}
