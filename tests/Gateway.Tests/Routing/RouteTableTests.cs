using Gateway.Routing;

namespace Gateway.Tests.Routing;

public sealed class RouteTableTests
{
    private static RouteTable Create(params (string? Match, string Path)[] rules)
    {
        Assert.True(RouteTable.TryCreate(rules, out var table, out var error), error);
        Assert.Equal(string.Empty, error);
        return table;
    }

    [Fact]
    public void Select_SeveralRulesMatch_FirstInOrderWins()
    {
        var table = Create(
            ("event.type == \"widget\"", "/widgets"),
            ("event.type == \"com.example.order\" && event.data.amount > 100", "/big-orders"),
            ("event.type == \"com.example.order\"", "/orders"),
            ("", "/products"));

        Assert.Equal(new RouteSelection("/big-orders", null), table.Select(SampleCloudEvent.Element));
    }

    [Fact]
    public void Select_NoRuleMatches_FallsToDefaultCatchAll()
    {
        var table = Create(("event.type == \"widget\"", "/widgets"), (null, "/products"));

        Assert.Equal(new RouteSelection("/products", null), table.Select(SampleCloudEvent.Element));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Select_EmptyMatch_IsCatchAllAtItsPosition(string? match)
    {
        var table = Create((match, "/a"), ("event.type == \"com.example.order\"", "/orders"));

        Assert.Equal(new RouteSelection("/a", null), table.Select(SampleCloudEvent.Element));
        Assert.Null(table.Rules[0].Expression);
    }

    [Fact]
    public void Select_NoRuleMatchesAndNoCatchAll_ReturnsNoPathAndNoError()
    {
        var table = Create(("event.type == \"widget\"", "/widgets"), ("event.source == \"shop\"", "/shop"));

        Assert.Equal(new RouteSelection(null, null), table.Select(SampleCloudEvent.Element));
    }

    [Fact]
    public void Select_NoRules_ReturnsNoPathAndNoError()
    {
        var table = Create();

        Assert.Equal(new RouteSelection(null, null), table.Select(SampleCloudEvent.Element));
    }

    [Fact]
    public void Select_RuleFailsBeforeAnyMatch_ReturnsErrorNamingRuleAndCause()
    {
        var table = Create(
            ("event.type == \"widget\"", "/widgets"),
            ("event.data.x == 1", "/x"),
            ("", "/products"));

        var selection = table.Select(SampleCloudEvent.Element);

        Assert.Equal(
            new RouteSelection(null, "rules[1] (path '/x'): match 'event.data.x == 1' failed: no such key: x"),
            selection);
    }

    [Fact]
    public void Select_RuleWithNonBooleanResult_ReturnsError()
    {
        var table = Create(("event.data.amount", "/amount"), ("", "/products"));

        var selection = table.Select(SampleCloudEvent.Element);

        Assert.Null(selection.Path);
        Assert.Equal("rules[0] (path '/amount'): match 'event.data.amount' failed: the expression yielded a double, not a bool", selection.Error);
    }

    [Fact]
    public void Select_FailingRuleAfterTheMatch_IsNeverEvaluated()
    {
        var table = Create(("event.source == \"checkout\"", "/checkout"), ("event.data.x == 1", "/x"));

        Assert.Equal(new RouteSelection("/checkout", null), table.Select(SampleCloudEvent.Element));
    }

    [Fact]
    public void Select_GuardedWithHas_FallsThroughInsteadOfFailing()
    {
        var table = Create(("has(event.data.x) && event.data.x == 1", "/x"), ("", "/products"));

        Assert.Equal(new RouteSelection("/products", null), table.Select(SampleCloudEvent.Element));
    }

    [Fact]
    public void Select_DifferentEvents_EachGetTheirOwnRoute()
    {
        var table = Create(
            ("event.type == \"widget\"", "/widgets"),
            ("event.type == \"gadget\"", "/gadgets"),
            ("", "/products"));

        Assert.Equal("/widgets", table.Select(SampleCloudEvent.Parse("""{"type": "widget"}""")).Path);
        Assert.Equal("/gadgets", table.Select(SampleCloudEvent.Parse("""{"type": "gadget"}""")).Path);
        Assert.Equal("/products", table.Select(SampleCloudEvent.Parse("""{"type": "other"}""")).Path);
    }

    [Fact]
    public void TryCreate_InvalidMatch_NamesRuleIndexPathAndColumn()
    {
        (string? Match, string Path)[] rules = [("event.type == \"a\"", "/a"), ("event.type = \"b\"", "/b")];

        Assert.False(RouteTable.TryCreate(rules, out var table, out var error));

        Assert.Null(table);
        Assert.Equal("rules[1] (path '/b'): match 'event.type = \"b\"': column 12: expected '==' but found '='", error);
    }

    [Fact]
    public void TryCreate_SeveralProblems_ReportsEveryOne()
    {
        (string? Match, string Path)[] rules = [("foo == 1", "/a"), ("event.type == \"ok\"", "/ok"), ("a ? b : c", "/c"), ("", " ")];

        Assert.False(RouteTable.TryCreate(rules, out _, out var error));

        var problems = error.Split('\n');
        Assert.Equal(3, problems.Length);
        Assert.StartsWith("rules[0] (path '/a'): match 'foo == 1': column 1: unknown identifier 'foo'", problems[0]);
        Assert.StartsWith("rules[2] (path '/c'): match 'a ? b : c': column 1: unknown identifier 'a'", problems[1]);
        Assert.Equal("rules[3]: the path is empty", problems[2]);
    }
}
