using System.Text;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class EnvelopeResultTests
{
    [Fact]
    public void Validated_ValidEvent_IsSuccessWithSameBytes()
    {
        byte[] json = CloudEventJson.With("subject", "\"s\"");

        var result = EnvelopeResult.Validated(json);

        Assert.True(result.IsSuccess);
        Assert.Same(json, result.Bytes);
    }

    [Fact]
    public void Validated_InvalidEvent_JoinsEveryViolationMessage()
    {
        var result = EnvelopeResult.Validated(Encoding.UTF8.GetBytes("{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/s\",\"type\":\"\"}"));

        Assert.False(result.IsSuccess);
        Assert.Equal(EnvelopeErrorKind.InvalidCloudEvent, result.Error.Kind);
        Assert.Equal(
            "attribute 'id' must be a non-empty String (CloudEvents 1.0 §id, rule C10); attribute 'type' must be a non-empty String (CloudEvents 1.0 §type, rule C13)",
            result.Error.Message);
    }
}
