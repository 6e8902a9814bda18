using System.Text;
using Gateway.Delivery;
using Gateway.Resiliency;

namespace Gateway.Tests.Delivery;

/// <summary>The reply table of Dapr's delivery to apps, https://docs.dapr.io/reference/api/pubsub_api/#provide-routes-for-dapr-to-deliver-topic-events, row by row.</summary>
public sealed class AppReplyTests
{
    [Theory]
    [InlineData(200, "", "Success")]
    [InlineData(204, "", "Success")]
    [InlineData(200, "ok", "Success")]
    [InlineData(200, "[1,2]", "Success")]
    [InlineData(200, """{"status":1}""", "Success")]
    [InlineData(200, "{}", "Success")]
    [InlineData(200, """{"status":""}""", "Success")]
    [InlineData(200, "null", "Success")]
    [InlineData(200, """{"status":null}""", "Success")]
    [InlineData(200, """{"status":"SUCCESS"}""", "Success")]
    [InlineData(200, """{"status":"RETRY"}""", "Retry")]
    [InlineData(200, """{"status":"DROP"}""", "Drop")]
    [InlineData(200, """{"Status":"DROP"}""", "Drop")]
    [InlineData(200, """{"status":"success"}""", "Retry")]
    [InlineData(200, """{"status":"LATER"}""", "Retry")]
    [InlineData(404, """{"status":"SUCCESS"}""", "Drop")]
    [InlineData(404, "", "Drop")]
    [InlineData(400, "", "Retry")]
    [InlineData(500, """{"status":"SUCCESS"}""", "Retry")]
    [InlineData(503, "", "Retry")]
    [InlineData(302, "", "Retry")]
    public void Interpret_ReadsTheReplyAsDaprDoes(int status, string body, string expected)
    {
        var reply = AppReplyReader.Interpret(status, Encoding.UTF8.GetBytes(body));

        Assert.Equal(Enum.Parse<AppReplyStatus>(expected), reply.Status);
        Assert.Equal(status, reply.HttpStatus);
    }
}
