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
