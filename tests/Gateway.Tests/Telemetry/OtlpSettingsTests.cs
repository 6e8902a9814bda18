using Gateway.Telemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Gateway.Tests.Telemetry;

public sealed class OtlpSettingsTests
{
    private static IConfiguration Environment(params (string Key, string Value)[] variables) =>
        new ConfigurationBuilder().AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void NoEndpointAnywhere_ExportIsOff()
    {
        Assert.True(OtlpSettings.TryResolve(new TelemetryOptions(), Environment(), out var settings, out _));
        Assert.Null(settings);
    }

    [Fact]
    public void EndpointFromEnvironment_HttpProtobuf_AppendsTheSignalPaths()
    {
        Assert.True(OtlpSettings.TryResolve(new TelemetryOptions(), Environment(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"), ("OTEL_SERVICE_NAME", "edge")), out var settings, out _));

        Assert.Equal(OtlpExportProtocol.HttpProtobuf, settings!.Protocol);
        Assert.Equal("http://collector:4318/v1/traces", settings.TracesEndpoint.AbsoluteUri);
        Assert.Equal("http://collector:4318/v1/metrics", settings.MetricsEndpoint.AbsoluteUri);
        Assert.Equal("edge", settings.ServiceName);
    }

    [Fact]
    public void SettingsWinOverEnvironment_GrpcUsesTheUrlAsItIs()
    {
        var options = new TelemetryOptions { OtlpEndpoint = "http://agent:4317", OtlpProtocol = "grpc", ServiceName = "gw", InstanceId = "pod-1" };

        Assert.True(OtlpSettings.TryResolve(options, Environment(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://other:4318"), ("OTEL_SERVICE_NAME", "edge")), out var settings, out _));

        Assert.Equal(OtlpExportProtocol.Grpc, settings!.Protocol);
        Assert.Equal("http://agent:4317/", settings.TracesEndpoint.AbsoluteUri);
        Assert.Equal("gw", settings.ServiceName);
        Assert.Equal("pod-1", settings.InstanceId);
    }

    [Fact]
    public void Defaults_ServiceNameGateway_AndAFreshInstanceId()
    {
        Assert.True(OtlpSettings.TryResolve(new TelemetryOptions { OtlpEndpoint = "http://collector:4318" }, Environment(), out var settings, out _));

        Assert.Equal("gateway", settings!.ServiceName);
        Assert.True(Guid.TryParse(settings.InstanceId, out _));
    }

    [Theory]
    [InlineData("collector:4318", "http/protobuf", "is not an http:// or https:// URL")]
    [InlineData("http://collector:4318", "http/json", "use http/protobuf or grpc")]
    public void UnusableValues_AreRefusedNamingTheSetting(string endpoint, string protocol, string expected)
    {
        Assert.False(OtlpSettings.TryResolve(new TelemetryOptions { OtlpEndpoint = endpoint, OtlpProtocol = protocol }, Environment(), out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("Gateway:Telemetry:", error, StringComparison.Ordinal);
    }
}
