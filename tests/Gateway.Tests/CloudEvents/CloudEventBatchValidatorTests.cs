using System.Text;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class CloudEventBatchValidatorTests
{
    private const string Event10 = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}";

    [Theory]
    [InlineData("J13 empty batch", "[]")]
    [InlineData("J13 two events", "[" + Event10 + "," + Event10 + "]")]
    public void Validate_ValidBatch_HasNoViolations(string rule, string body) =>
        Assert.True(CloudEventBatchValidator.Validate(Encoding.UTF8.GetBytes(body)).Count == 0, rule);

    [Theory]
    [InlineData("J13 object instead of array", Event10, "J13")]
    [InlineData("J13 element not an object", "[1]", "J1")]
    [InlineData("C22 mixed specversions", "[" + Event10 + ",{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}]", "C22")]
    [InlineData("J13 event without id", "[{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}]", "C10")]
    public void Validate_InvalidBatch_ReportsRule(string rule, string body, string expectedRule)
    {
        var violations = CloudEventBatchValidator.Validate(Encoding.UTF8.GetBytes(body));

        Assert.True(violations.Any(v => v.Rule == expectedRule), $"{rule}: {string.Join(" | ", violations)}");
    }

    [Fact]
    public void Validate_SecondEventInvalid_MessageNamesIndex()
    {
        var violations = CloudEventBatchValidator.Validate(Encoding.UTF8.GetBytes("[" + Event10 + ",{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/s\",\"type\":\"t\"}]"));

        Assert.StartsWith("event[1]: attribute 'id'", Assert.Single(violations).Message);
    }
}
