using Gateway.Routing;

namespace Gateway.Tests.Routing;

public sealed class RouteExpressionParseTests
{
    [Theory]
    [InlineData("event.type == \"widget\"")]
    [InlineData("event.type == \"com.example.order\" && event.data.amount > 100")]
    [InlineData("event.type == 'widget' || event.source != \"x\"")]
    [InlineData("has(event.subject) && event.subject.startsWith(\"orders/\")")]
    [InlineData("event.data.items[0].sku == \"x1\" && event.data[\"customer\"][\"tier\"] == 'gold'")]
    [InlineData("event.data.amount in [1, 2.5, 3u, -4, \"five\", true, null, [6]]")]
    [InlineData("event.type in [event.source, \"a\",]")]
    [InlineData("!(event.data.flag) && !!true")]
    [InlineData("-event.data.delta >= 0x10 && event.data.price <= 1e3 && event.data.price > .5")]
    [InlineData("event.data.n == -9223372036854775808 || event.data.n == 9223372036854775807")]
    [InlineData("event.data.n == 18446744073709551615u")]
    [InlineData("event.type.matches(\"^com\\\\.example\\\\.[a-z]+$\") && matches(event.id, 'e-[0-9]')")]
    [InlineData("size(event.data.tags) == 2 && event.data.tags.size() < 3")]
    [InlineData("event.data.x.contains(\"a\") && event.data.x.endsWith('b')")]
    [InlineData("1 < 2 == true")]
    [InlineData("event.data.size == 1")]
    [InlineData("event == event")]
    [InlineData("event.type == \"a\" // a comment\n  || event.type == \"b\"")]
    [InlineData("\tevent.type\r\n==\f\"a\"")]
    public void TryParse_SupportedExpression_IsAccepted(string source)
    {
        var parsed = RouteExpression.TryParse(source, out var expression, out var error);

        Assert.True(parsed, error);
        Assert.Equal(source, expression!.Source);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public void TryParse_SingleEquals_ReportsColumnAndExpectedOperator()
    {
        Assert.False(RouteExpression.TryParse("event.type = \"a\"", out var expression, out var error));

        Assert.Null(expression);
        Assert.Equal("match 'event.type = \"a\"': column 12: expected '==' but found '='", error);
    }

    [Theory]
    [InlineData("event.type == \"a\" ? true : false", 19, "the conditional operator '? :' is not supported")]
    [InlineData("foo == 1", 1, "unknown identifier 'foo'; the only variable is 'event'")]
    [InlineData("event.type == bar", 15, "unknown identifier 'bar'")]
    [InlineData("event.data.amount + 1 > 2", 19, "the arithmetic operator '+' is not supported")]
    [InlineData("event.data.amount * 2 > 2", 19, "the arithmetic operator '*' is not supported")]
    [InlineData("event.data.amount - 1 > 2", 19, "the arithmetic operator '-' is not supported")]
    [InlineData("event.type & true", 12, "expected '&&' but found '&'")]
    [InlineData("event.type | true", 12, "expected '||' but found '|'")]
    [InlineData("event.type == \"abc", 15, "the string is not closed")]
    [InlineData("event.type == 'a\\qb'", 17, "unknown escape sequence '\\q'")]
    [InlineData("event.type == \"\\u00\"", 16, "the escape '\\u' needs 4 hexadecimal digits")]
    [InlineData("event.type == \"\\ud800\"", 16, "is not a valid Unicode code point")]
    [InlineData("event.data.x == {\"a\": 1}", 17, "map literals are not supported")]
    [InlineData("event.data.tags.exists(t, t == \"a\")", 17, "the function 'exists' is not supported")]
    [InlineData("int(event.data.x) == 1", 1, "the function 'int' is not supported")]
    [InlineData("has(event.data[\"x\"])", 5, "has() needs a field selection such as has(event.data.x)")]
    [InlineData("has( event)", 6, "has() needs a field selection")]
    [InlineData("has(event.a, event.b)", 1, "has() takes 1 argument here, found 2")]
    [InlineData("size() == 1", 1, "size() takes 1 argument here, found 0")]
    [InlineData("event.type.startsWith(\"a\", \"b\")", 12, "startsWith() takes 1 argument here, found 2")]
    [InlineData("event.type.matches(\"(\")", 20, "invalid regular expression")]
    [InlineData("event.type.matches(\"a(?=b)\")", 20, "a construct RE2 does not have")]
    [InlineData("event.type.matches(\"(a)\\\\1\")", 20, "a construct RE2 does not have")]
    [InlineData("event.type.matches(\"(?>a)\")", 20, "a construct RE2 does not have")]
    [InlineData("event.type.matches(\"(?P<n>a)\")", 20, "invalid regular expression")]
    [InlineData("event.type.matches( event.data.pattern)", 21, "matches() needs a string literal as its pattern")]
    [InlineData("event.data.if == 1", 12, "'if' is a reserved word; select the field with [\"if\"]")]
    [InlineData("event.data.in == 1", 12, "'in' is a reserved word")]
    [InlineData("event.data.true == 1", 12, "'true' is a reserved word")]
    [InlineData("while == 1", 1, "'while' is a reserved word")]
    [InlineData("(event.type == \"a\"", 19, "expected ')' but found the end of the expression")]
    [InlineData("event.type ==", 14, "expected an operand but found the end of the expression")]
    [InlineData("event.type == \"a\" event.source", 19, "expected an operator or the end of the expression but found 'event'")]
    [InlineData("event.data.tags in [1, 2", 25, "expected ',' or ']' but found the end of the expression")]
    [InlineData("event.data. == 1", 13, "expected a field name after '.' but found '=='")]
    [InlineData("r\"abc\" == event.type", 1, "raw string literals are not supported")]
    [InlineData("b'abc' == event.type", 1, "bytes literals are not supported")]
    [InlineData("\"\"\"abc\"\"\" == event.type", 1, "triple-quoted strings are not supported")]
    [InlineData("event.data.x == 9223372036854775808", 17, "the integer 9223372036854775808 is out of range")]
    [InlineData("event.data.x == -9223372036854775809", 17, "the integer -9223372036854775809 is out of range")]
    [InlineData("event.data.x == 18446744073709551616u", 17, "out of range")]
    [InlineData("event.data.x == -1u", 17, "an unsigned integer cannot be negative")]
    [InlineData("event.data.x == 1e999", 17, "too large for a double")]
    [InlineData("event.data.x == 0x", 17, "a hexadecimal literal needs digits after '0x'")]
    [InlineData("event.data.x == 1e+", 17, "a number's exponent needs digits")]
    [InlineData("event.data.x == 12abc", 17, "malformed number '12a'")]
    [InlineData("event.data.x == 1.e5", 19, "an int literal has no field 'e5'")]
    [InlineData("event.data.x == \"a\".length", 21, "a string literal has no field 'length'")]
    [InlineData("-!event.data.flag", 2, "expected an operand but found '!'")]
    [InlineData(".event.type == \"a\"", 1, "a leading '.' (root-scoped name) is not supported")]
    [InlineData("event.type == \"a\" ; true", 19, "unexpected character ';'")]
    [InlineData("event.`type` == \"a\"", 7, "quoted identifiers")]
    [InlineData("\"😀\" == event.type && x", 22, "unknown identifier 'x'")]
    [InlineData("\"abc\"", 1, "the expression yields a string, but a match must yield a bool")]
    [InlineData("42", 1, "yields an int")]
    [InlineData("[true]", 1, "yields a list")]
    [InlineData("event", 1, "yields a map")]
    [InlineData("size(event.data)", 1, "yields an int")]
    public void TryParse_UnsupportedOrMalformed_ReportsColumnAndReason(string source, int column, string reason)
    {
        Assert.False(RouteExpression.TryParse(source, out var expression, out var error));

        Assert.Null(expression);
        Assert.StartsWith($"match '{source}': column {column}: ", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void TryParse_MultiLineSource_ReportsLineAndColumn()
    {
        const string source = "event.type == \"a\" &&\n  event.source = \"b\"";

        Assert.False(RouteExpression.TryParse(source, out _, out var error));

        Assert.EndsWith(": line 2, column 16: expected '==' but found '='", error);
    }

    [Fact]
    public void TryParse_NewlineInsideString_ReportsStringStart()
    {
        Assert.False(RouteExpression.TryParse("event.type == \"a\nb\"", out _, out var error));

        Assert.EndsWith(": line 1, column 15: the string is not closed", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void TryParse_EmptyOrWhitespace_IsRejectedAsEmpty(string source)
    {
        Assert.False(RouteExpression.TryParse(source, out _, out var error));

        Assert.EndsWith("the expression is empty", error);
    }

    [Fact]
    public void TryParse_ParenthesesBeyondDepthLimit_AreRejected()
    {
        var source = new string('(', 150) + "true" + new string(')', 150);

        Assert.False(RouteExpression.TryParse(source, out _, out var error));

        Assert.Contains("nests deeper than 100 levels", error);
    }

    [Fact]
    public void TryParse_LongOperatorChainBeyondDepthLimit_IsRejected()
    {
        var source = string.Join(" || ", Enumerable.Repeat("event.type == \"a\"", 150));

        Assert.False(RouteExpression.TryParse(source, out _, out var error));

        Assert.Contains("nests deeper than 100 levels", error);
    }

    [Fact]
    public void TryParse_NestingWithinDepthLimit_IsAccepted()
    {
        var source = new string('(', 40) + "event.type == \"a\"" + new string(')', 40);

        Assert.True(RouteExpression.TryParse(source, out _, out var error), error);
    }

    [Fact]
    public void TryParse_SourceLongerThanLimit_IsRejected()
    {
        var source = "event.type == \"" + new string('a', RouteExpression.MaxLength) + "\"";

        Assert.False(RouteExpression.TryParse(source, out _, out var error));

        Assert.Contains($"at most {RouteExpression.MaxLength} are accepted", error);
    }
}
