using Gateway.Routing;

namespace Gateway.Tests.Routing;

public sealed class RouteExpressionErrorTests
{
    [Theory]
    [InlineData("event.data.x == 1", "no such key: x")]
    [InlineData("event.dataschema == \"s\"", "no such key: dataschema")]
    [InlineData("event.data[\"x\"] == 1", "no such key: x")]
    [InlineData("event.data[1] == 1", "no such key: 1")]
    [InlineData("event.data.customer.x.y == 1", "no such key: x")]
    [InlineData("event.data.amount > \"100\"", "no such overload: double > string")]
    [InlineData("\"a\" < 1", "no such overload: string < int")]
    [InlineData("null < null", "no such overload: null_type < null_type")]
    [InlineData("event.data.customer <= event.data.customer", "no such overload: map <= map")]
    [InlineData("event.data.tags[0] >= event.data.tags", "no such overload: string >= list")]
    [InlineData("event.data.tags[5] == \"a\"", "index out of range: 5")]
    [InlineData("event.data.tags[-1] == \"a\"", "index out of range: -1")]
    [InlineData("event.data.tags[\"a\"] == 1", "no such overload: list[string]")]
    [InlineData("event.data.tags[0.5] == 1", "no such overload: list[double]")]
    [InlineData("event.type.x == 1", "type 'string' does not support field selection (field 'x')")]
    [InlineData("event.data.nothing.x == 1", "type 'null_type' does not support field selection (field 'x')")]
    [InlineData("event.type[0] == \"c\"", "type 'string' does not support indexing")]
    [InlineData("event.data.amount.startsWith(\"1\")", "no such overload: double.startsWith(string)")]
    [InlineData("event.type.endsWith(1)", "no such overload: string.endsWith(int)")]
    [InlineData("event.data.amount.matches(\"1\")", "no such overload: double.matches(string)")]
    [InlineData("size(event.data.amount) == 1", "no such overload: size(double)")]
    [InlineData("!event.type", "no such overload: !string")]
    [InlineData("-event.type == 1", "no such overload: -string")]
    [InlineData("-(-9223372036854775808) == 1", "integer overflow in negation")]
    [InlineData("event.type in \"abc\"", "no such overload: string in string")]
    [InlineData("event.type && true", "no such overload: string && bool")]
    [InlineData("false || event.data.amount", "no such overload: bool || double")]
    [InlineData("event.data.x == 1 && true", "no such key: x")]
    [InlineData("true && event.data.x == 1", "no such key: x")]
    [InlineData("event.data.x == 1 || event.data.y == 1", "no such key: x")]
    [InlineData("event.type in [event.data.x]", "no such key: x")]
    public void Evaluate_InvalidOperation_ReturnsErrorAndNoMatch(string expression, string error)
    {
        Assert.Equal(new RouteEvaluation(false, error), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("event.type", "the expression yielded a string, not a bool")]
    [InlineData("event.data.amount", "the expression yielded a double, not a bool")]
    [InlineData("event.data.nothing", "the expression yielded a null_type, not a bool")]
    [InlineData("event.data.tags[0]", "the expression yielded a string, not a bool")]
    [InlineData("-event.data.delta", "the expression yielded a double, not a bool")]
    public void Evaluate_NonBooleanResult_IsAnError(string expression, string error)
    {
        Assert.Equal(new RouteEvaluation(false, error), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("false && event.data.missing == 1", false)]
    [InlineData("event.data.missing == 1 && false", false)]
    [InlineData("true || event.data.missing == 1", true)]
    [InlineData("event.data.missing == 1 || true", true)]
    [InlineData("event.data.missing > 1 && has(event.data.missing)", false)]
    [InlineData("false && \"x\"", false)]
    [InlineData("\"x\" && false", false)]
    [InlineData("\"x\" || true", true)]
    [InlineData("(event.data.missing == 1 || event.data.flag) && false", false)]
    [InlineData("event.data.missing == 1 && false || event.type == \"com.example.order\"", true)]
    public void Evaluate_LogicalOperators_AbsorbErrorsInEitherOrder(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void Evaluate_EventThatIsNotAnObject_IsAnError(string json)
    {
        Assert.True(RouteExpression.TryParse("event.type == \"a\"", out var expression, out _));

        var evaluation = expression.Evaluate(SampleCloudEvent.Parse(json));

        Assert.False(evaluation.Matched);
        Assert.EndsWith("not an object", evaluation.Error);
    }

    [Fact]
    public void Evaluate_JsonNumberBeyondDoubleRange_DoesNotThrow()
    {
        Assert.True(RouteExpression.TryParse("event.data.n > 1", out var expression, out _));

        var evaluation = expression.Evaluate(SampleCloudEvent.Parse("""{"data": {"n": 1e400}}"""));

        Assert.Null(evaluation.Error);
        Assert.True(evaluation.Matched);
    }

    [Fact]
    public void Evaluate_EventWithoutData_ReportsMissingData()
    {
        Assert.True(RouteExpression.TryParse("event.data.amount > 1", out var expression, out _));

        var evaluation = expression.Evaluate(SampleCloudEvent.Parse("""{"type": "t"}"""));

        Assert.Equal(new RouteEvaluation(false, "no such key: data"), evaluation);
    }

    [Fact]
    public void Evaluate_SameExpressionFromManyThreads_GivesTheSameAnswers()
    {
        Assert.True(RouteExpression.TryParse(
            "event.type.matches(\"order$\") && event.data.amount in [150] && has(event.data.customer.tier)",
            out var expression,
            out _));
        var other = SampleCloudEvent.Parse("""{"type": "com.example.refund", "data": {}}""");

        var results = Enumerable.Range(0, 2000).AsParallel()
            .Select(index => (index, expression.Evaluate(index % 2 == 0 ? SampleCloudEvent.Element : other)))
            .ToList();

        Assert.All(results, result => Assert.Equal(new RouteEvaluation(result.index % 2 == 0, null), result.Item2));
    }
}
