namespace Gateway.Scopes.Tests;

public class ScopeMessagesTests
{
    [Theory]
    [InlineData("orders", "app1", "topic orders is not allowed for app id app1")]
    [InlineData("a/b c", "my-app", "topic a/b c is not allowed for app id my-app")]
    public void Forbidden_TopicAndApp_MatchesDaprMessage(string topic, string appId, string expected)
    {
        Assert.Equal(expected, ScopeMessages.Forbidden(topic, appId));
    }

    [Fact]
    public void SubscriptionNotAllowed_TopicAndPubsub_MatchesDaprLogMessage()
    {
        Assert.Equal(
            "subscription to topic 'orders' on pubsub 'kafka' is not allowed",
            ScopeMessages.SubscriptionNotAllowed("orders", "kafka"));
    }
}
