namespace Gateway.Scopes.Tests;

/// <summary>Every row of Dapr's decision truth table, decided for the topic 'orders'.</summary>
public class ScopeDeciderTests
{
    private const string Topic = "orders";

    public static TheoryData<string, string[], string[], string[], bool> TruthTable
    {
        get
        {
            var rows = new TheoryData<string, string[], string[], string[], bool>
            {
                // Row 1: allowedTopics set and the topic not in it: denied whatever P and S say.
                { "1 A-miss, P no, S empty", ["other"], [], [], false },
                { "1 A-miss, P no, S has topic", ["other"], [], [Topic], false },
                { "1 A-miss, P yes, S has topic", ["other"], [Topic], [Topic], false },
                { "1 A-miss, P yes, S empty", ["other"], [Topic], [], false },
            };

            // Rows 2-7 hold alike when allowedTopics is unset and when it contains the topic.
            string[][] allowedVariants = [[], [Topic, "other"]];
            foreach (var allowed in allowedVariants)
            {
                var a = allowed.Length == 0 ? "A unset" : "A has topic";

                // "Not protected" covers both "no protectedTopics" and "other topics protected".
                string[][] unprotectedVariants = [[], ["other"]];
                foreach (var protectedTopics in unprotectedVariants)
                {
                    var p = protectedTopics.Length == 0 ? "P unset" : "P other";
                    rows.Add($"2 {a}, {p}, S empty", allowed, protectedTopics, [], true);
                    rows.Add($"3 {a}, {p}, S has topic", allowed, protectedTopics, ["x", Topic], true);
                    rows.Add($"4 {a}, {p}, S lacks topic", allowed, protectedTopics, ["x", "y"], false);
                }

                rows.Add($"5 {a}, P has topic, S empty", allowed, [Topic], [], false);
                rows.Add($"6 {a}, P has topic, S has topic", allowed, [Topic, "other"], [Topic], true);
                rows.Add($"7 {a}, P has topic, S lacks topic", allowed, [Topic], ["x"], false);
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(TruthTable))]
    public void Decide_TruthTableRow_MatchesDapr(
        string row, string[] allowed, string[] protectedTopics, string[] scoped, bool expected)
    {
        foreach (var operation in new[] { ScopeOperation.Publish, ScopeOperation.Subscribe })
        {
            var decision = Decide(allowed, protectedTopics, scoped, Topic, operation);
            var rules = new ScopeRules(new TopicList(allowed), new TopicList(protectedTopics), true, true);

            Assert.True(expected == decision.Allowed, $"row {row}, {operation}: {decision.Reason}");
            Assert.True(expected == ScopeDecider.IsAllowed(rules, new TopicList(scoped), Topic), $"row {row}, {operation}: the decision without its reason");
        }
    }

    public static TheoryData<string[], string[], string[], bool, string, ScopeOperation, string> Reasons => new()
    {
        { ["a"], [], [], false, "b", ScopeOperation.Publish, "topic 'b' is not in allowedTopics" },
        {
            [""], [], [], false, "b", ScopeOperation.Publish,
            "topic 'b' is not in allowedTopics, whose value is blank after spaces are removed and so allows no topic"
        },
        { [], [], [""], true, "b", ScopeOperation.Publish, "app 'app1' is listed in publishingScopes with no topics" },
        {
            [], ["orders"], [], true, "orders", ScopeOperation.Publish,
            "topic 'orders' is protected and app 'app1' has no publishingScopes entry for it"
        },
        {
            [], [], ["a", "b"], true, "x", ScopeOperation.Publish,
            "topic 'x' is not in the publishingScopes of app 'app1' (allowed: 'a', 'b')"
        },
        {
            [], ["orders"], ["a", ""], true, "orders", ScopeOperation.Subscribe,
            "topic 'orders' is not in the subscriptionScopes of app 'app1' (allowed: 'a', '')"
        },
        {
            [], ["other"], [], true, "orders", ScopeOperation.Subscribe,
            "app 'app1' is not listed in subscriptionScopes and topic 'orders' is not protected"
        },
        { [], [], [], false, "orders", ScopeOperation.Publish, "no allowedTopics, protectedTopics or publishingScopes apply" },
        {
            ["orders"], [], [], false, "orders", ScopeOperation.Subscribe,
            "topic 'orders' is in allowedTopics and no subscriptionScopes are set"
        },
        {
            ["orders"], ["other"], [], true, "orders", ScopeOperation.Publish,
            "topic 'orders' is in allowedTopics, app 'app1' is not listed in publishingScopes and topic 'orders' is not protected"
        },
        { [], [], ["orders"], true, "orders", ScopeOperation.Publish, "topic 'orders' is in the publishingScopes of app 'app1'" },
        {
            ["orders"], ["orders"], ["orders"], true, "orders", ScopeOperation.Subscribe,
            "topic 'orders' is in allowedTopics, is protected and is in the subscriptionScopes of app 'app1'"
        },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Decide_EachRule_ExplainsItselfInOneSentence(
        string[] allowed, string[] protectedTopics, string[] scoped, bool scopeKeySet, string topic,
        ScopeOperation operation, string expectedReason)
    {
        var decision = Decide(allowed, protectedTopics, scoped, topic, operation, scopeKeySet);

        Assert.Equal(expectedReason, decision.Reason);
    }

    private static ScopeDecision Decide(
        string[] allowed, string[] protectedTopics, string[] scoped, string topic, ScopeOperation operation,
        bool scopeKeySet = true)
    {
        var rules = new ScopeRules(new TopicList(allowed), new TopicList(protectedTopics), scopeKeySet, scopeKeySet);
        return ScopeDecider.Decide(rules, new TopicList(scoped), "app1", topic, operation);
    }
}
