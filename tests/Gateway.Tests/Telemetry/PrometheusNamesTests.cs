using Gateway.Telemetry;

namespace Gateway.Tests.Telemetry;

public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("gateway.publishes", "gateway_publishes")]
    [InlineData("gateway.svid.expiry_seconds", "gateway_svid_expiry_seconds")]
    [InlineData("http.server-duration", "http_server_duration")]
    [InlineData("9lives", "_9lives")]
    [InlineData("a:b", "a_b")]
    [InlineData("ünïcode", "_n_code")]
    [InlineData("", "_")]
    public void Metric_ReplacesEverythingOutsideTheAlphabetWithUnderscores(string instrument, string expected)
    {
        Assert.Equal(expected, PrometheusNames.Metric(instrument));
    }

    [Theory]
    [InlineData("gateway.publish.duration", "s", "gateway_publish_duration_seconds")]
    [InlineData("gateway.svid.expiry_seconds", "s", "gateway_svid_expiry_seconds")]
    [InlineData("gateway.publishes", null, "gateway_publishes")]
    [InlineData("gateway.body", "By", "gateway_body")]
    public void Metric_WithUnitSeconds_EndsInSecondsOnce(string instrument, string? unit, string expected)
    {
        Assert.Equal(expected, PrometheusNames.Metric(instrument, unit));
    }

    [Theory]
    [InlineData("pubsub", "pubsub")]
    [InlineData("http.method", "http_method")]
    [InlineData("1st", "_1st")]
    public void Label_FollowsTheLabelNameAlphabet(string tag, string expected)
    {
        Assert.Equal(expected, PrometheusNames.Label(tag));
    }

    [Theory]
    [InlineData("gateway_publishes", "gateway_publishes_total")]
    [InlineData("requests_total", "requests_total")]
    public void CounterTotal_AddsTheSuffixOnce(string name, string expected)
    {
        Assert.Equal(expected, PrometheusNames.CounterTotal(name));
    }
}
