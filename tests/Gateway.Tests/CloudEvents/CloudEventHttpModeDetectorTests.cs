using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class CloudEventHttpModeDetectorTests
{
    [Theory]
    [InlineData("application/cloudevents-batch+json", "Batched")]
    [InlineData("APPLICATION/CloudEvents-Batch+JSON; charset=utf-8", "Batched")]
    [InlineData("application/cloudevents+json", "Structured")]
    [InlineData("Application/CloudEvents+JSON; charset=UTF-8", "Structured")]
    [InlineData("application/cloudevents+avro", "Structured")]
    [InlineData("application/json", "Binary")]
    [InlineData("", "Binary")]
    [InlineData(null, "Binary")]
    public void Detect_H3_ByContentTypePrefix(string? contentType, string expected) =>
        Assert.Equal(expected, CloudEventHttpModeDetector.Detect(contentType).ToString());

    [Fact]
    public void StructuredJson_IsTheExactSpellingJsClientsParse() =>
        Assert.Equal("application/cloudevents+json; charset=utf-8", CloudEventMediaTypes.StructuredJson);

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("Application/JSON; charset=utf-8", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("text/json", true)]
    [InlineData("application/cloudevents+json", false)]
    [InlineData("application/cloudevents-batch+json", true)]
    [InlineData("application/jsonx", false)]
    [InlineData("text/plain", false)]
    [InlineData(null, false)]
    public void IsJson_J7_MatchesJsonAndPlusJson(string? contentType, bool expected) =>
        Assert.Equal(expected, CloudEventMediaTypes.IsJson(contentType));
}
