using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class MediaTypeGrammarTests
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/cloudevents+json; charset=utf-8")]
    [InlineData("TEXT/Plain; CharSet=utf-8")]
    [InlineData("application/json;charset=utf-8")]
    [InlineData("multipart/form-data; boundary=\"a b;c\"")]
    [InlineData("text/plain; a=\"x\\\"y\"; b=c")]
    [InlineData("application/vnd.api+json")]
    public void IsValid_MediaType_IsAccepted(string text) => Assert.True(MediaTypeGrammar.IsValid(text));

    [Theory]
    [InlineData("xyz")]
    [InlineData("")]
    [InlineData("text/")]
    [InlineData("/plain")]
    [InlineData("text/plain;")]
    [InlineData("text/plain; charset")]
    [InlineData("text/plain; charset =utf-8")]
    [InlineData("text/plain; charset=\"utf-8")]
    [InlineData("text /plain")]
    [InlineData(" text/plain")]
    [InlineData("text/pl@in")]
    [InlineData("text/plaïn")]
    public void IsValid_NotAMediaType_IsRejected(string text) => Assert.False(MediaTypeGrammar.IsValid(text));

    [Theory]
    [InlineData("Application/JSON; charset=utf-8", "application/json")]
    [InlineData(" text/plain ", "text/plain")]
    [InlineData(null, "")]
    public void Essence_DropsParametersAndCase(string? contentType, string expected) =>
        Assert.Equal(expected, MediaTypeGrammar.Essence(contentType));
}
