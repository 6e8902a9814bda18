namespace Gateway.Scopes.Tests;

/// <summary>End-to-end checks of the edge cases that follow from Dapr's parsing and decision rules.</summary>
public class TopicScopesTests
{
    private const ScopeOperation Pub = ScopeOperation.Publish;
    private const ScopeOperation Sub = ScopeOperation.Subscribe;

    /// <summary>Metadata is given as a flat name, value, name, value… array.</summary>
    public static TheoryData<string, string[], string, string, ScopeOperation, bool> EdgeCases => new()
    {
        // 1. Listed with an empty list: denied every topic for that operation only.
        { "1 app3= denies publish", ["publishingScopes", "app1=t1;app3="], "app3", "t1", Pub, false },
        { "1 app3= denies any topic", ["publishingScopes", "app1=t1;app3="], "app3", "anything", Pub, false },
        { "1 app3= leaves subscribe alone", ["publishingScopes", "app1=t1;app3="], "app3", "t1", Sub, true },
        // 2. Not listed: unrestricted, but allowedTopics and protectedTopics still apply.
        { "2 unlisted app, allowed topic", ["publishingScopes", "app1=t1", "allowedTopics", "t1,t2", "protectedTopics", "t2"], "app2", "t1", Pub, true },
        { "2 unlisted app, protected topic", ["publishingScopes", "app1=t1", "allowedTopics", "t1,t2", "protectedTopics", "t2"], "app2", "t2", Pub, false },
        { "2 unlisted app, topic outside allowedTopics", ["publishingScopes", "app1=t1", "allowedTopics", "t1,t2"], "app2", "t3", Pub, false },
        // 3. Each scope key affects only its own operation; protectedTopics consults that operation's list.
        { "3 publishingScopes ignored on subscribe", ["publishingScopes", "app1=t1"], "app1", "t2", Sub, true },
        { "3 subscriptionScopes ignored on publish", ["subscriptionScopes", "app1=t1"], "app1", "t2", Pub, true },
        { "3 protected, only subscribe entry, publish", ["protectedTopics", "t2", "subscriptionScopes", "app1=t2"], "app1", "t2", Pub, false },
        { "3 protected, only subscribe entry, subscribe", ["protectedTopics", "t2", "subscriptionScopes", "app1=t2"], "app1", "t2", Sub, true },
        // 4. allowedTopics plus a scope list: the topic must be in both.
        { "4 allowed but not scoped", ["allowedTopics", "t1,t2", "publishingScopes", "app1=t2,t3"], "app1", "t1", Pub, false },
        { "4 allowed and scoped", ["allowedTopics", "t1,t2", "publishingScopes", "app1=t2,t3"], "app1", "t2", Pub, true },
        { "4 scoped but not allowed", ["allowedTopics", "t1,t2", "publishingScopes", "app1=t2,t3"], "app1", "t3", Pub, false },
        // 5. protectedTopics.
        { "5 no list, protected topic", ["protectedTopics", "t1"], "app1", "t1", Pub, false },
        { "5 no list, unprotected topic", ["protectedTopics", "t1"], "app1", "t2", Pub, true },
        { "5 list has protected topic", ["protectedTopics", "t1", "publishingScopes", "app1=t1"], "app1", "t1", Pub, true },
        { "5 list lacks unprotected topic", ["protectedTopics", "t1", "publishingScopes", "app1=t1"], "app1", "t2", Pub, false },
        // 6. Only ASCII spaces are stripped, in all four values.
        { "6 spaces around names", ["publishingScopes", " app1 = t1 , t2 "], "app1", "t2", Pub, true },
        { "6 spaces around names, other topic", ["publishingScopes", " app1 = t1 , t2 "], "app1", "t3", Pub, false },
        { "6 topic with a space never matches", ["publishingScopes", "app1=my topic"], "app1", "my topic", Pub, false },
        { "6 space removed from listed topic", ["publishingScopes", "app1=my topic"], "app1", "mytopic", Pub, true },
        { "6 tab is kept", ["publishingScopes", "app1=\tt1"], "app1", "t1", Pub, false },
        { "6 tab is part of the topic", ["publishingScopes", "app1=\tt1"], "app1", "\tt1", Pub, true },
        { "6 newline after app ID", ["publishingScopes", "app1\n=t1"], "app1", "t2", Pub, true },
        { "6 blank allowedTopics denies all", ["allowedTopics", " "], "app1", "t1", Pub, false },
        { "6 comma allowedTopics denies all", ["allowedTopics", ","], "app1", "t1", Sub, false },
        { "6 blank protectedTopics has no effect", ["protectedTopics", " "], "app1", "t1", Pub, true },
        { "6 spaced allowedTopics", ["allowedTopics", " t1 , t2 "], "app1", "t2", Pub, true },
        { "6 spaced protectedTopics", ["protectedTopics", " t1 , t2 "], "app1", "t2", Pub, false },
        // 7. Duplicate topics and app entries are merged.
        { "7 repeated app entries unioned", ["publishingScopes", "app1=t1;app1=t2,t1"], "app1", "t2", Pub, true },
        // 8. Key names are case-insensitive; app IDs and topics are not.
        { "8 upper-case key applies", ["PUBLISHINGSCOPES", "app1=t1"], "app1", "t2", Pub, false },
        { "8 app ID differs in case", ["publishingScopes", "app1=t1"], "App1", "t2", Pub, true },
        { "8 topic differs in case", ["publishingScopes", "app1=t1"], "app1", "T1", Pub, false },
        { "8 allowed topic differs in case", ["allowedtopics", "Orders"], "app1", "orders", Pub, false },
        // 9. Malformed entries are ignored.
        { "9 entry without = ignored", ["publishingScopes", "app1"], "app1", "t9", Pub, true },
        { "9 malformed entries around a good one", ["publishingScopes", "app1;app1=t1;=x;;"], "app1", "t1", Pub, true },
        { "9 good entry still restricts", ["publishingScopes", "app1;app1=t1;=x;;"], "app1", "t2", Pub, false },
        { "9 second = drops the rest", ["publishingScopes", "app1=t1=t2"], "app1", "t2", Pub, false },
        { "9 second = keeps the first", ["publishingScopes", "app1=t1=t2"], "app1", "t1", Pub, true },
        // 10. An empty value is the same as an absent key.
        { "10 empty publishingScopes", ["publishingScopes", ""], "app1", "t1", Pub, true },
        { "10 empty allowedTopics", ["allowedTopics", ""], "app1", "t1", Pub, true },
        { "10 empty protectedTopics", ["protectedTopics", "", "publishingScopes", ""], "app1", "t1", Pub, true },
        // 11. Special characters are literal.
        { "11 star is not a wildcard", ["publishingScopes", "app1=orders.*"], "app1", "orders.new", Pub, false },
        { "11 star matches itself", ["publishingScopes", "app1=orders.*"], "app1", "orders.*", Pub, true },
        { "11 hash is not a wildcard", ["allowedTopics", "a/#"], "app1", "a/b", Pub, false },
        { "11 slash and hash match themselves", ["allowedTopics", "a/#"], "app1", "a/#", Pub, true },
        { "11 dot is not a wildcard", ["protectedTopics", "a.b"], "app1", "aXb", Pub, true },
        // 13. The empty topic is rejected by the API before scoping; the engine still decides it literally.
        { "13 empty topic, no rules", [], "app1", "", Pub, true },
        { "13 empty topic matches app3= list", ["publishingScopes", "app3="], "app3", "", Pub, true },
        { "13 empty topic matches blank allowedTopics", ["allowedTopics", " "], "app1", "", Sub, true },
        // Other metadata keys play no part.
        { "unrelated keys ignored", ["brokers", "b:9092", "consumerGroup", "app1=t1"], "app1", "t2", Pub, true },
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Check_EdgeCase_MatchesDapr(
        string name, string[] metadata, string appId, string topic, ScopeOperation operation, bool expected)
    {
        var scopes = Parse(metadata);
        var decision = scopes.Check(appId, topic, operation);

        Assert.True(expected == decision.Allowed, $"{name}: {decision.Reason}");
        Assert.True(expected == scopes.IsAllowed(appId, topic, operation), $"{name}: the decision without its reason");
    }

    [Fact]
    public void Check_DuplicateTopics_AreListedOnceInFirstSeenOrder()
    {
        var scopes = TestMetadata.Scopes(("publishingScopes", "app1=t2,t1;app2=x;app1=t1,t2,t3"));

        var decision = scopes.Check("app1", "t4", Pub);

        Assert.Equal("topic 't4' is not in the publishingScopes of app 'app1' (allowed: 't2', 't1', 't3')", decision.Reason);
    }

    [Fact]
    public void Check_DeniedPublish_ReasonNamesTheRule()
    {
        var scopes = TestMetadata.Scopes(("publishingScopes", "app1=a;app3="));

        Assert.Equal(
            new ScopeDecision(false, "app 'app3' is listed in publishingScopes with no topics"),
            scopes.Check("app3", "a", Pub));
    }

    [Fact]
    public void Check_AmbiguousKey_DecidesWithDocumentedSpellingAndReportsIt()
    {
        var scopes = TestMetadata.Scopes(
            ("PublishingScopes", "app1=other"),
            ("publishingScopes", "app1=orders"),
            ("ALLOWEDTOPICS", "orders"),
            ("allowedtopics", "x"));

        Assert.True(scopes.Check("app1", "orders", Pub).Allowed);
        Assert.False(scopes.Check("app1", "other", Pub).Allowed);
        Assert.Equal(["publishingScopes", "allowedTopics"], scopes.AmbiguousKeys);
    }

    [Fact]
    public void AmbiguousKeys_EachKeyOnce_IsEmpty()
    {
        var scopes = TestMetadata.Scopes(
            ("publishingScopes", "a=b"), ("SubscriptionScopes", "a=b"), ("allowedTopics", "b"), ("protectedTopics", "b"));

        Assert.Empty(scopes.AmbiguousKeys);
    }

    [Fact]
    public void Check_SameAppTwice_GivesTheSameDecision()
    {
        var scopes = TestMetadata.Scopes(("publishingScopes", "app1=t1"));

        var first = scopes.Check("app1", "t2", Pub);
        var second = scopes.Check("app1", "t2", Pub);

        Assert.Equal(first, second);
        Assert.False(second.Allowed);
    }

    [Fact]
    public void Check_NullArguments_AreRejected()
    {
        var scopes = TestMetadata.Scopes();

        Assert.Throws<ArgumentNullException>(() => scopes.Check(null!, "t", Pub));
        Assert.Throws<ArgumentNullException>(() => scopes.Check("a", null!, Pub));
        Assert.Throws<ArgumentNullException>(() => TopicScopes.Parse(null!));
    }

    private static TopicScopes Parse(string[] flat) => TopicScopes.Parse(
        flat.Chunk(2).Select(pair => new KeyValuePair<string, string>(pair[0], pair[1])));
}
