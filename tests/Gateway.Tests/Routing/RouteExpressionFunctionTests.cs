using Gateway.Routing;

namespace Gateway.Tests.Routing;

public sealed class RouteExpressionFunctionTests
{
    [Theory]
    [InlineData("has(event.subject)", true)]
    [InlineData("has(event.dataschema)", false)]
    [InlineData("has(event.data.customer.tier)", true)]
    [InlineData("has(event.data.missing)", false)]
    [InlineData("has(event.data.nothing)", true)]
    [InlineData("has(event.data.items[0].qty)", true)]
    [InlineData("!has(event.data.items[0].price)", true)]
    [InlineData("has(event.data.missing) && event.data.missing > 1", false)]
    [InlineData("!has(event.data.missing) || event.data.missing > 1", true)]
    [InlineData("has(event.data.amount) && event.data.amount > 1", true)]
    public void Evaluate_Has_TestsPresenceOfTheLastField(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("has(event.data.missing.x)", "no such key: missing")]
    [InlineData("has(event.type.x)", "has() cannot test field 'x' of a string; it needs a map")]
    [InlineData("has(event.data.tags.x)", "has() cannot test field 'x' of a list; it needs a map")]
    [InlineData("has(event.data.nothing.x)", "has() cannot test field 'x' of a null_type; it needs a map")]
    public void Evaluate_HasOnMissingOrNonMapIntermediate_IsAnError(string expression, string error)
    {
        Assert.Equal(new RouteEvaluation(false, error), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("event.type.startsWith(\"com.example.\")", true)]
    [InlineData("event.type.startsWith(\"example\")", false)]
    [InlineData("event.type.startsWith(\"\")", true)]
    [InlineData("event.type.endsWith(\".order\")", true)]
    [InlineData("event.type.endsWith(\"com\")", false)]
    [InlineData("event.type.contains(\"example\")", true)]
    [InlineData("event.type.contains(\"EXAMPLE\")", false)]
    [InlineData("event.subject.contains(event.data.items[0].sku)", false)]
    [InlineData("\"orders/42/x\".startsWith(event.subject)", true)]
    [InlineData("event.data.customer.name.endsWith(\"\\u00EB\")", true)]
    public void Evaluate_StringFunctions_CompareOrdinally(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("event.type.matches(\"^com\\\\.example\\\\.\")", true)]
    [InlineData("event.type.matches(\"example\")", true)]
    [InlineData("event.type.matches(\"^example\")", false)]
    [InlineData("event.subject.matches(\"^orders/[0-9]+$\")", true)]
    [InlineData("event.subject.matches('^orders/[a-z]+$')", false)]
    [InlineData("event.type.matches(\"(?i)^COM\")", true)]
    [InlineData("event.type.matches(\"^(com|org)\\\\.[a-z]+\\\\.(order|invoice)$\")", true)]
    [InlineData("event.data.customer.name.matches(\"^Z.\\u00EB$\")", true)]
    [InlineData("matches(event.id, \"^e-\\\\d$\")", true)]
    [InlineData("matches(event.id, \"^x\")", false)]
    public void Evaluate_Matches_SearchesWithRegularExpression(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Theory]
    [InlineData("size(event.data.tags) == 2", true)]
    [InlineData("event.data.tags.size() == 2", true)]
    [InlineData("size(event.data.customer) == 2", true)]
    [InlineData("size(event.data.customer.name) == 3", true)]
    [InlineData("size(\"😀a\") == 2", true)]
    [InlineData("size(\"\") == 0 && size([]) == 0", true)]
    [InlineData("size(event.data.items) > 1", false)]
    public void Evaluate_Size_CountsCodePointsItemsAndKeys(string expression, bool expected)
    {
        Assert.Equal(new RouteEvaluation(expected, null), SampleCloudEvent.Evaluate(expression));
    }

    [Fact]
    public void Evaluate_SizeOfMapWithRepeatedKey_CountsTheKeyOnce()
    {
        var cloudEvent = SampleCloudEvent.Parse("""{"data": {"a": 1, "a": 2, "b": 3}}""");
        Assert.True(RouteExpression.TryParse("size(event.data) == 2", out var expression, out var error), error);

        Assert.Equal(new RouteEvaluation(true, null), expression.Evaluate(cloudEvent));
    }

    [Fact]
    public void Evaluate_RepeatedKey_LastValueWinsAsInGo()
    {
        var cloudEvent = SampleCloudEvent.Parse("""{"data": {"a": 1, "a": 2}}""");
        Assert.True(RouteExpression.TryParse("event.data.a == 2", out var expression, out var error), error);

        Assert.Equal(new RouteEvaluation(true, null), expression.Evaluate(cloudEvent));
    }
}
