namespace Gateway.Scopes.Tests;

public class ScopeListParserTests
{
    public static TheoryData<string?, string, string[]> ScopedTopicsCases => new()
    {
        // Absent or empty value: no restriction.
        { null, "app1", [] },
        { "", "app1", [] },
        { " ", "app1", [] },
        // Basic format and app selection.
        { "app1=t1,t2", "app1", ["t1", "t2"] },
        { "app1=t1,t2", "app2", [] },
        { "app1=t1;app2=t2", "app2", ["t2"] },
        // Listed with no topics: the single empty topic restricts the app to nothing real.
        { "app3=", "app3", [""] },
        { "app3=,", "app3", [""] },
        { "app1=t1,", "app1", ["t1", ""] },
        { "app1=,t1", "app1", ["", "t1"] },
        // Repeated entries are unioned, duplicates merged, first-seen order kept.
        { "app1=t1;app1=t2", "app1", ["t1", "t2"] },
        { "app1=t2,t1;app2=t3;app1=t1,t4", "app1", ["t2", "t1", "t4"] },
        { "app1=t1,t1,t1", "app1", ["t1"] },
        // Everything after a second '=' is dropped.
        { "app1=t1=t2", "app1", ["t1"] },
        { "app1=t1,t2=t3,t4", "app1", ["t1", "t2"] },
        // Malformed entries are skipped without affecting later ones.
        { "app1", "app1", [] },
        { "app1;app1=t1", "app1", ["t1"] },
        { "=t1", "app1", [] },
        { "app1=t1;", "app1", ["t1"] },
        { ";;app1=t1;;", "app1", ["t1"] },
        { "app1=t1;garbage;=;;app1=t2", "app1", ["t1", "t2"] },
        // App IDs and topics are case-sensitive.
        { "App1=t1", "app1", [] },
        { "app1=Orders,orders", "app1", ["Orders", "orders"] },
        // Only U+0020 is removed, everywhere.
        { " app1 = t1 , t2 ", "app1", ["t1", "t2"] },
        { "app1=my topic", "app1", ["mytopic"] },
        { "app 1=t1", "app1", ["t1"] },
        { "app 1=t1", "app 1", [] },
        { "app1=t1,\tt2", "app1", ["t1", "\tt2"] },
        { "app1\t=t1", "app1", [] },
        { "app1\t=t1", "app1\t", ["t1"] },
        { "app1=t1\n;app1=t2", "app1", ["t1\n", "t2"] },
        { "app1=t1\u00A0", "app1", ["t1\u00A0"] },
        // Special characters are literal.
        { "app1=orders.*,a/b,#,a+b", "app1", ["orders.*", "a/b", "#", "a+b"] },
    };

    public static TheoryData<string?, string[]> ParamTopicsCases => new()
    {
        { null, [] },
        { "", [] },
        // The emptiness test comes before space removal.
        { " ", [""] },
        { "   ", [""] },
        { ",", [""] },
        { " , ", [""] },
        { "a,b", ["a", "b"] },
        { "a, b ,a", ["a", "b"] },
        { "a,,b", ["a", "", "b"] },
        { "a,", ["a", ""] },
        { "my topic", ["mytopic"] },
        { "a\tb,c\n", ["a\tb", "c\n"] },
        { "A,a", ["A", "a"] },
        { "orders.*,#,a/b", ["orders.*", "#", "a/b"] },
        { "a;b=c", ["a;b=c"] },
    };

    [Theory]
    [MemberData(nameof(ScopedTopicsCases))]
    public void ScopedTopics_Value_YieldsDaprList(string? value, string appId, string[] expected)
    {
        Assert.Equal(expected, ScopeListParser.ScopedTopics(value, appId));
    }

    [Theory]
    [MemberData(nameof(ParamTopicsCases))]
    public void ParamTopics_Value_YieldsDaprList(string? value, string[] expected)
    {
        Assert.Equal(expected, ScopeListParser.ParamTopics(value));
    }

    [Theory]
    [InlineData("=")]
    [InlineData("==;;==")]
    [InlineData(";")]
    [InlineData("=,=,=;app1")]
    [InlineData("\0;\uFFFF=\u0001")]
    public void ScopedTopics_MalformedValue_NeverThrows(string value)
    {
        var topics = ScopeListParser.ScopedTopics(value, "app1");

        Assert.Empty(topics);
    }
}
