using Gateway.Publishing;

namespace Gateway.Tests.Publishing;

public sealed class PublishRouteTests
{
    [Theory]
    [InlineData("/v1.0/publish/ps/orders", "Single", "ps", "orders")]
    [InlineData("/v1.0/publish/ps/A/B/C", "Single", "ps", "A/B/C")]
    [InlineData("/v1.0/publish/pubsubname/%2F", "Single", "pubsubname", "/")]
    [InlineData("/v1.0/publish/ps/a%2Fb", "Single", "ps", "a/b")]
    [InlineData("/v1.0/publish/ps/a+b", "Single", "ps", "a b")]
    [InlineData("/v1.0/publish/ps/a%20b?metadata.x=1", "Single", "ps", "a b")]
    [InlineData("/v1.0/publish/ps/a//b/", "Single", "ps", "a/b")]
    [InlineData("/v1.0/publish/ps/x/../y", "Single", "ps", "y")]
    [InlineData("/v1.0/publish/ps/caf%C3%A9", "Single", "ps", "café")]
    [InlineData("/v1.0-alpha1/publish/bulk/ps/orders", "Bulk", "ps", "orders")]
    [InlineData("/v1.0/publish/bulk/ps/orders", "Bulk", "ps", "orders")]
    [InlineData("/v1.0/publish/bulk/orders", "Single", "bulk", "orders")]
    public void Match_SplitsAsDaprsRouterDoes(string target, string kind, string pubsub, string topic)
    {
        var route = PublishRoute.Match(target);

        Assert.Equal(new PublishRoute(Enum.Parse<PublishRouteKind>(kind), pubsub, topic), route);
    }

    [Theory]
    [InlineData("/v1.0/publish")]
    [InlineData("/v1.0/publish/")]
    [InlineData("/v1.0/publish/pubsubname")]
    [InlineData("/v1.0/publish/pubsubname/")]
    [InlineData("/v1.0-alpha1/publish/bulk/pubsubname")]
    [InlineData("/v1.0/publish/ps/%zz")]
    [InlineData("/v1.0/invoke/app/method/x")]
    public void Match_NoRoute_IsNull(string target)
    {
        Assert.Null(PublishRoute.Match(target));
    }

    [Theory]
    [InlineData("/a//b/", "/a/b")]
    [InlineData("/a/./b", "/a/b")]
    [InlineData("/a/../../b", "/b")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    public void CleanPath_IsGosPathClean(string path, string expected)
    {
        Assert.Equal(expected, PublishRoute.CleanPath(path));
    }
}
