using System.Text;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class CloudEventValidatorTests
{
    [Theory]
    [InlineData("C1 upper-case extension name", "myExt", "\"x\"", "C1")]
    [InlineData("C1 underscore in name", "my_ext", "\"x\"", "C1")]
    [InlineData("C1 empty name", "", "\"x\"", "C1")]
    [InlineData("J3 object extension", "flag", "{\"a\":1}", "J3")]
    [InlineData("C4 fraction", "count", "10.0", "C4")]
    [InlineData("C4 exponent", "count", "1e1", "C4")]
    [InlineData("C4 above int32", "count", "2147483648", "C4")]
    [InlineData("C4 below int32", "count", "-2147483649", "C4")]
    [InlineData("C5 lone low surrogate", "subject", "\"\\uDEAD\"", "C5")]
    [InlineData("C5 lone high surrogate at end", "subject", "\"a\\uD800\"", "C5")]
    [InlineData("C5 NUL", "id", "\"a\\u0000b\"", "C5")]
    [InlineData("C5 unit separator", "ext", "\"\\u001F\"", "C5")]
    [InlineData("C5 DEL", "ext", "\"\\u007F\"", "C5")]
    [InlineData("C5 C1 control U+009F", "ext", "\"\\u009F\"", "C5")]
    [InlineData("C5 noncharacter U+FDD0", "type", "\"\\uFDD0\"", "C5")]
    [InlineData("C5 noncharacter U+FFFE", "type", "\"\\uFFFE\"", "C5")]
    [InlineData("C5 plane 1 noncharacter U+1FFFF", "type", "\"\\uD83F\\uDFFF\"", "C5")]
    [InlineData("C7 source colon start", "source", "\":colon-start\"", "C11")]
    [InlineData("C7 source open bracket start", "source", "\"[open-bracket-start\"", "C11")]
    [InlineData("C7 source with space", "source", "\"/a b\"", "C11")]
    [InlineData("C8 month 13", "time", "\"2020-13-01T00:00:00Z\"", "C18")]
    [InlineData("C9 core attribute as number", "id", "1", "J2")]
    [InlineData("C10 empty id", "id", "\"\"", "C10")]
    [InlineData("C10 missing id", "id", null, "C10")]
    [InlineData("C10 null id", "id", "null", "C10")]
    [InlineData("C11 empty source", "source", "\"\"", "C11")]
    [InlineData("C11 missing source", "source", null, "C11")]
    [InlineData("C12 unknown specversion", "specversion", "\"0.9\"", "C12")]
    [InlineData("C12 empty specversion", "specversion", "\"\"", "C12")]
    [InlineData("C12 missing specversion", "specversion", null, "C12")]
    [InlineData("C13 empty type", "type", "\"\"", "C13")]
    [InlineData("C13 missing type", "type", null, "C13")]
    [InlineData("C14 datacontenttype without slash", "datacontenttype", "\"xyz\"", "C14")]
    [InlineData("C14 empty datacontenttype", "datacontenttype", "\"\"", "C14")]
    [InlineData("C16 relative dataschema", "dataschema", "\"/schema\"", "C16")]
    [InlineData("C16 empty dataschema", "dataschema", "\"\"", "C16")]
    [InlineData("C17 empty subject", "subject", "\"\"", "C17")]
    [InlineData("C18 lowercase t", "time", "\"2018-04-05t17:31:00Z\"", "C18")]
    [InlineData("C18 missing seconds", "time", "\"2018-04-05T17:31Z\"", "C18")]
    [InlineData("J2 boolean core attribute", "subject", "true", "J2")]
    [InlineData("J3 array extension", "ext", "[1]", "J3")]
    [InlineData("J3 float extension", "ext", "1.5", "C4")]
    public void Validate_RuleBroken_ReportsAttributeAndRule(string rule, string attribute, string? rawValue, string expectedRule)
    {
        var violation = CloudEventJson.Single(rule, CloudEventValidator.Validate(CloudEventJson.With(attribute, rawValue)));

        Assert.Equal((attribute, expectedRule), (violation.Attribute, violation.Rule));
        Assert.Contains($"rule {expectedRule}", violation.Message);
    }

    [Theory]
    [InlineData("C1 digits in name", "ext1", "\"x\"")]
    [InlineData("C1 longer than 20 is only a SHOULD", "abcdefghijklmnopqrstuvwxyz", "\"x\"")]
    [InlineData("C3 boolean extension", "flag", "true")]
    [InlineData("C4 int32 max", "count", "2147483647")]
    [InlineData("C4 int32 min", "count", "-2147483648")]
    [InlineData("C5 surrogate pair", "subject", "\"\\uD800\\uDEAD\"")]
    [InlineData("C5 emoji as raw UTF-8", "subject", "\"😀\"")]
    [InlineData("C7 source urn", "source", "\"urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66\"")]
    [InlineData("C7 source fragment", "source", "\"#fragment\"")]
    [InlineData("C7 source phone number", "source", "\"1-555-123-4567\"")]
    [InlineData("C7 source mailto", "source", "\"mailto:cncf-wg-serverless@lists.cncf.io\"")]
    [InlineData("C14 parameters", "datacontenttype", "\"TEXT/Plain; CharSet=utf-8\"")]
    [InlineData("C16 absolute dataschema", "dataschema", "\"https://example.com/schema.json\"")]
    [InlineData("C18 fraction and offset", "time", "\"2018-04-05T17:31:00.123456789+05:30\"")]
    [InlineData("J4 null optional attribute is unset", "subject", "null")]
    [InlineData("J4 null extension is unset", "ext", "null")]
    [InlineData("J10 null data", "data", "null")]
    [InlineData("C6 empty data_base64", "data_base64", "\"\"")]
    public void Validate_ValidEvent_HasNoViolations(string rule, string attribute, string rawValue)
    {
        var violations = CloudEventValidator.Validate(CloudEventJson.With(attribute, rawValue));

        Assert.True(violations.Count == 0, $"{rule}: {string.Join(" | ", violations)}");
    }

    [Fact]
    public void Validate_TimeWithBadMonth_MessageNamesAttributeRuleAndValue()
    {
        var violation = Assert.Single(CloudEventValidator.Validate(CloudEventJson.With("time", "\"2020-13-01T00:00:00Z\"")));

        Assert.Equal(
            "attribute 'time' must be an RFC 3339 timestamp (CloudEvents 1.0 §time, rule C18); got '2020-13-01T00:00:00Z'",
            violation.Message);
    }

    [Theory]
    [InlineData("C2 duplicate id", "\"id\":\"again\"", "id", "C2")]
    [InlineData("C2 duplicate extension", "\"ext\":\"a\",\"ext\":\"b\"", "ext", "C2")]
    [InlineData("J9 data and data_base64", "\"data\":1,\"data_base64\":\"AQ==\"", "data_base64", "J9")]
    [InlineData("C6 data_base64 single char", "\"data_base64\":\"x\"", "data_base64", "C6")]
    [InlineData("C6 data_base64 misplaced padding", "\"data_base64\":\"TWFU=\"", "data_base64", "C6")]
    [InlineData("C6 data_base64 leading padding", "\"data_base64\":\"==TQ\"", "data_base64", "C6")]
    [InlineData("C6 data_base64 number", "\"data_base64\":12", "data_base64", "C6")]
    public void Validate_MemberCombinationBroken_ReportsRule(string rule, string extraMembers, string attribute, string expectedRule)
    {
        var violation = CloudEventJson.Single(rule, CloudEventValidator.Validate(CloudEventJson.WithMembers(extraMembers)));

        Assert.Equal((attribute, expectedRule), (violation.Attribute, violation.Rule));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"specversion\":\"0.9\",\"source\":\"\",\"time\":\"x\",\"Bad\":1}");

        var rules = CloudEventValidator.Validate(json).Select(v => $"{v.Attribute}:{v.Rule}").Order().ToArray();

        Assert.Equal(["Bad:C1", "id:C10", "source:C11", "specversion:C12", "time:C18", "type:C13"], rules);
    }

    [Theory]
    [InlineData("J1 array", "[]")]
    [InlineData("J1 string", "\"event\"")]
    [InlineData("J1 not JSON", "{\"")]
    [InlineData("J1 empty body", "")]
    public void Validate_NotAJsonObject_ReportsJ1(string rule, string body)
    {
        var violation = CloudEventJson.Single(rule, CloudEventValidator.Validate(Encoding.UTF8.GetBytes(body)));

        Assert.Equal("J1", violation.Rule);
    }

    [Fact]
    public void Validate_InvalidUtf8InString_ReportsJ1()
    {
        byte[] prefix = Encoding.UTF8.GetBytes("{\"specversion\":\"1.0\",\"id\":\"");
        byte[] suffix = Encoding.UTF8.GetBytes("\",\"source\":\"/s\",\"type\":\"t\"}");
        byte[] json = [.. prefix, 0xC0, 0xA0, .. suffix];

        Assert.Equal("J1", Assert.Single(CloudEventValidator.Validate(json)).Rule);
    }

    [Fact]
    public void Validate_ControlCharacterInValue_MessageShowsItEscaped()
    {
        var violation = Assert.Single(CloudEventValidator.Validate(CloudEventJson.With("subject", "\"a\\u0001\"")));

        Assert.EndsWith("got 'a\\u0001'", violation.Message);
    }
}
