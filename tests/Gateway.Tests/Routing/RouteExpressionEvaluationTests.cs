using Gateway.Routing;

namespace Gateway.Tests.Routing;

public sealed class RouteExpressionEvaluationTests
{
    [Theory]
    [InlineData("event.type == \"com.example.order\"", true)]
    [InlineData("event.type == \"widget\"", false)]
    [InlineData("event.type == \"com.example.order\" && event.data.amount > 100", true)]
    [InlineData("event.type == \"com.example.order\" && event.data.amount > 200", false)]
    [InlineData("event.source == \"checkout\"", true)]
    [InlineData("event.id == \"e-1\"", true)]
    [InlineData("event.specversion == \"1.0\"", true)]
    [InlineData("event.datacontenttype == \"application/json\"", true)]
    [InlineData("event.subject == \"orders/42\"", true)]
    [InlineData("event.time == \"2026-01-02T03:04:05Z\"", true)]
    [InlineData("event.time < \"2027\"", true)]
    [InlineData("event.topic == \"orders\" && event.pubsubname == \"pubsub\"", true)]
    [InlineData("event.traceparent.startsWith(\"00-\")", true)]
    public void Evaluate_CloudEventAttributes_MatchAsExpected(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("event.data.customer.tier == \"gold\"")]
    [InlineData("event.data[\"customer\"][\"tier\"] == 'gold'")]
    [InlineData("event.data[\"if\"] == \"reserved\"")]
    [InlineData("event.data.tags[0] == \"a\"")]
    [InlineData("event.data.tags[1u] == \"b\"")]
    [InlineData("event.data.tags[1.0] == \"b\"")]
    [InlineData("event.data.items[0].qty == 2")]
    [InlineData("event.data.items[0][\"sku\"] == \"x1\"")]
    [InlineData("(event.data).customer.tier == \"gold\"")]
    public void Evaluate_DataPathSelection_ReachesNestedValues(string expression)
    {
        Assert.Equal(new RouteEvaluation(true, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("event.data.amount == 150")]
    [InlineData("event.data.amount == 150.0")]
    [InlineData("event.data.amount == 150u")]
    [InlineData("event.data.amount == 1.5e2")]
    [InlineData("event.data.amount == 15E+1")]
    [InlineData("event.data.amount == 0x96")]
    [InlineData("event.data.price == 9.5")]
    [InlineData("event.data.price == 95e-1")]
    [InlineData("event.data.price > 9 && event.data.price < 10u")]
    [InlineData("event.data.delta == -3")]
    [InlineData("event.data.delta < -2.5")]
    [InlineData("-event.data.delta == 3")]
    [InlineData("--event.data.delta == -3")]
    [InlineData("- 3 == event.data.delta")]
    [InlineData("event.data.flag == true && event.data.flag != false")]
    [InlineData("event.data.nothing == null")]
    [InlineData("event.data.currency == 'EUR' && event.data.currency == \"EUR\"")]
    [InlineData("event.data.quote == \"say \\\"hi\\\"\" && event.data.quote == 'say \"hi\"'")]
    [InlineData("event.data.path == \"a\\\\b\"")]
    [InlineData("event.data.multiline == \"l1\\nl2\\tend\\r\"")]
    [InlineData("event.data.currency == \"\\u0045UR\"")]
    [InlineData("\"\\x41\" == \"A\" && \"\\101\" == \"A\" && \"\\U0001F600\" == \"😀\"")]
    [InlineData("'it\\'s' == \"it's\" && \"\\a\\b\\f\\v\\?\\`\" == \"\\u0007\\u0008\\u000C\\u000B?`\"")]
    [InlineData("-9223372036854775808 < 9223372036854775807")]
    [InlineData(".5 == 0.5")]
    public void Evaluate_LiteralKinds_CompareWithEventValues(string expression)
    {
        Assert.Equal(new RouteEvaluation(true, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("false && false || true", true)]
    [InlineData("true || true && false", true)]
    [InlineData("false && (false || true)", false)]
    [InlineData("(true || true) && false", false)]
    [InlineData("!false && false", false)]
    [InlineData("!(false && false)", true)]
    [InlineData("!event.data.flag || true", true)]
    [InlineData("!!event.data.flag", true)]
    [InlineData("1 < 2 == true", true)]
    [InlineData("2 < 1 == false", true)]
    [InlineData("event.data.amount > 100 == event.data.flag", true)]
    [InlineData("-1 < 0 && -event.data.amount < 0", true)]
    [InlineData("event.type == \"x\" || event.source == \"checkout\" && event.id == \"e-1\"", true)]
    [InlineData("(event.type == \"x\" || event.source == \"checkout\") && event.id == \"nope\"", false)]
    public void Evaluate_Precedence_FollowsCel(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 2", true)]
    [InlineData("2 >= 3", false)]
    [InlineData("1 <= 1.0 && 1.0 >= 1", true)]
    [InlineData("2 >= 1u && 1u < 2.5", true)]
    [InlineData("-1 < 0u", true)]
    [InlineData("9223372036854775807 < 9223372036854775808.0", true)]
    [InlineData("18446744073709551615u > 9223372036854775807", true)]
    [InlineData("\"a\" < \"b\" && \"abc\" < \"abd\" && \"ab\" < \"abc\"", true)]
    [InlineData("\"B\" < \"a\"", true)]
    [InlineData("\"\\uFFFF\" < \"😀\"", true)]
    [InlineData("false < true && !(true < false)", true)]
    [InlineData("event.data.amount != 151 && event.data.amount != 150.5", true)]
    public void Evaluate_Ordering_CoversNumbersStringsAndBools(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("event.data.amount == \"150\"", false)]
    [InlineData("event.data.amount != \"150\"", true)]
    [InlineData("event.type == 1", false)]
    [InlineData("event.type != 1", true)]
    [InlineData("null != false", true)]
    [InlineData("event.data.nothing == \"\"", false)]
    [InlineData("event.data.customer == \"gold\"", false)]
    [InlineData("event.data.tags == [\"a\", \"b\"]", true)]
    [InlineData("event.data.tags == [\"b\", \"a\"]", false)]
    [InlineData("event.data.tags == [\"a\"]", false)]
    [InlineData("[1, \"a\"] == [1.0, \"a\"]", true)]
    [InlineData("event.data.customer == event.data.customer", true)]
    [InlineData("event.data.customer == event.data.items[0]", false)]
    [InlineData("[] == []", true)]
    public void Evaluate_Equality_IsHeterogeneousAndNeverFails(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("\"a\" in event.data.tags", true)]
    [InlineData("\"z\" in event.data.tags", false)]
    [InlineData("event.data.amount in [100, 150]", true)]
    [InlineData("150.0 in [150] && 150 in [150.0] && 150u in [150]", true)]
    [InlineData("event.type in [\"com.example.order\", \"x\"]", true)]
    [InlineData("event.data.currency in [\"USD\", event.source]", false)]
    [InlineData("event.source in [\"USD\", event.source]", true)]
    [InlineData("[\"a\", \"b\"] in [event.data.tags]", true)]
    [InlineData("\"tier\" in event.data.customer", true)]
    [InlineData("\"gold\" in event.data.customer", false)]
    [InlineData("1 in event.data.customer", false)]
    [InlineData("\"subject\" in event && !(\"dataschema\" in event)", true)]
    [InlineData("\"a\" in []", false)]
    public void Evaluate_In_ChecksListMembershipAndMapKeys(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Fact]
    public void Evaluate_LargeJsonInteger_IsComparedAsTheDoubleItDecodesTo()
    {
        // 9007199254740993 is not representable as a double; like Dapr, the event value becomes 9007199254740992.
        Assert.Equal(new RouteEvaluation(true, null), SampleCloudEvent.Evaluate("event.data.big == 9007199254740992"));
        Assert.Equal(new RouteEvaluation(false, null), SampleCloudEvent.Evaluate("event.data.big == 9007199254740993"));
    }
}
