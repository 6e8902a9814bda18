using Gateway.Resiliency;
using System.Text;
using Gateway.Delivery;

namespace Gateway.Tests.Delivery;

/// <summary>How an app's answer to a bulk delivery decides each entry (Dapr's bulk subscribe, https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-bulk/).</summary>
public sealed class BulkReplyTests
{
    [Theory]
    [InlineData("SUCCESS", nameof(AppReplyStatus.Success))]
    [InlineData("DROP", nameof(AppReplyStatus.Drop))]
    [InlineData("RETRY", nameof(AppReplyStatus.Retry))]
    [InlineData("", nameof(AppReplyStatus.Retry))]
    [InlineData("success", nameof(AppReplyStatus.Retry))]
    [InlineData("MAYBE", nameof(AppReplyStatus.Retry))]
    public void Interpret_EntryStatus_DecidesThatEntry(string status, string expected)
    {
        var reply = Interpret(200, $$"""{"statuses":[{"entryId":"a","status":"{{status}}"},{"entryId":"b","status":"SUCCESS"}]}""");

        Assert.Equal(Enum.Parse<AppReplyStatus>(expected), reply.StatusOf("a"));
        Assert.Equal(AppReplyStatus.Success, reply.StatusOf("b"));
    }

    [Theory]
    [InlineData("""{"statuses":[{"entryId":"a","status":"SUCCESS"}]}""")]
    [InlineData("""{"statuses":[{"entryId":"a","status":"SUCCESS"},{"entryId":"b"}]}""")]
    [InlineData("""{"statuses":[{"entryId":"a","status":"SUCCESS"},{"entryId":"b","status":null}]}""")]
    [InlineData("""{"statuses":[{"entryId":"a","status":"SUCCESS"},{"entryId":"b","status":7}]}""")]
    public void Interpret_EntryMissingOrWithoutStringStatus_IsRetried(string body)
    {
        var reply = Interpret(200, body);

        Assert.Equal(AppReplyStatus.Success, reply.StatusOf("a"));
        Assert.Equal(AppReplyStatus.Retry, reply.StatusOf("b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"statuses":[{"entryId":"a","status":"SUCCESS"}""")]
    [InlineData("""[{"entryId":"a","status":"SUCCESS"}]""")]
    [InlineData("""{"statuses":{"entryId":"a","status":"SUCCESS"}}""")]
    [InlineData("{}")]
    [InlineData("null")]
    public void Interpret_2xxWithoutStatuses_RetriesEveryEntry(string body)
    {
        var reply = Interpret(200, body);

        Assert.Equal(AppReplyStatus.Retry, reply.StatusOf("a"));
        Assert.Equal(AppReplyStatus.Retry, reply.StatusOf("b"));
    }

    [Fact]
    public void Interpret_FieldNamesInAnyCase_AreRead()
    {
        var reply = Interpret(200, """{"Statuses":[{"EntryID":"a","STATUS":"DROP"}]}""");

        Assert.Equal(AppReplyStatus.Drop, reply.StatusOf("a"));
    }

    [Fact]
    public void Interpret_UnknownEntryIds_AreIgnored()
    {
        var reply = Interpret(200, """{"statuses":[{"entryId":"zzz","status":"SUCCESS"},{"entryId":"a","status":"SUCCESS"}]}""");

        Assert.Equal(AppReplyStatus.Success, reply.StatusOf("a"));
        Assert.Equal(AppReplyStatus.Retry, reply.StatusOf("b"));
    }

    [Theory]
    [InlineData(404, """{"statuses":[{"entryId":"a","status":"SUCCESS"}]}""", nameof(AppReplyStatus.Drop))]
    [InlineData(404, "", nameof(AppReplyStatus.Drop))]
    [InlineData(500, """{"statuses":[{"entryId":"a","status":"SUCCESS"}]}""", nameof(AppReplyStatus.Retry))]
    [InlineData(400, "", nameof(AppReplyStatus.Retry))]
    [InlineData(503, "", nameof(AppReplyStatus.Retry))]
    public void Interpret_Non2xx_DecidesEveryEntryAlike(int status, string body, string expected)
    {
        var reply = Interpret(status, body);

        Assert.Equal(Enum.Parse<AppReplyStatus>(expected), reply.StatusOf("a"));
        Assert.Equal(Enum.Parse<AppReplyStatus>(expected), reply.StatusOf("b"));
        Assert.Equal(status, reply.HttpStatus);
    }

    [Fact]
    public void NoAnswer_RetriesEveryEntry_WithoutHttpStatus()
    {
        var reply = BulkReply.NoAnswer("connection refused");

        Assert.Equal(AppReplyStatus.Retry, reply.StatusOf("a"));
        Assert.Equal(0, reply.HttpStatus);
        Assert.Equal("connection refused", reply.Detail);
    }

    private static BulkReply Interpret(int status, string body) => BulkReply.Interpret(status, Encoding.UTF8.GetBytes(body));
}
