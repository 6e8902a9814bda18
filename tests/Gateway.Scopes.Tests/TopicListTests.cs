namespace Gateway.Scopes.Tests;

public class TopicListTests
{
    [Theory]
    [InlineData("orders.*", "orders.new", false)]
    [InlineData("orders.*", "orders.*", true)]
    [InlineData("a/#", "a/b", false)]
    [InlineData("Orders", "orders", false)]
    [InlineData("", "", true)]
    public void Contains_ComparesLiterallyAndCaseSensitively(string listed, string topic, bool expected)
    {
        Assert.Equal(expected, new TopicList([listed]).Contains(topic));
    }

    [Theory]
    [InlineData(new string[0], true, false)]
    [InlineData(new[] { "" }, false, true)]
    [InlineData(new[] { "", "t1" }, false, false)]
    [InlineData(new[] { "t1" }, false, false)]
    public void EmptinessFlags_DistinguishNoListFromEmptyEntry(string[] items, bool isEmpty, bool holdsOnlyEmptyTopic)
    {
        var list = new TopicList(items);

        Assert.Equal(isEmpty, list.IsEmpty);
        Assert.Equal(holdsOnlyEmptyTopic, list.HoldsOnlyEmptyTopic);
    }
}
