using System.Text;
using Gateway.Subscriptions;

namespace Gateway.Tests.Subscriptions;

public sealed class ProgrammaticSubscriptionParserTests
{
    private static List<SubscriptionDefinition> Parse(string json)
    {
        Assert.True(ProgrammaticSubscriptionParser.TryParse(Encoding.UTF8.GetBytes(json), "default", out var definitions, out _, out var error), error);
        return definitions;
    }

    [Fact]
    public void TryParse_WhatTheDaprJsSdkServes_ReadsEveryForm()
    {
        var definitions = Parse("""
            [{"pubsubname":"pubsub","topic":"orders","route":"/pubsub--orders--default"},
             {"pubsubname":"pubsub","topic":"raw.topic","metadata":{"rawPayload":"\"true\""},"route":"/pubsub--raw-topic--rawroute"},
             {"pubsubname":"pubsub","topic":"rules","routes":{"default":"/pubsub--rules--dflt","rules":[{"match":"event.type == \"a\"","path":"/pubsub--rules--a"}]},"deadLetterTopic":"dlq"},
             {"pubsubname":"pubsub","topic":"bulk","route":"/pubsub--bulk--default","bulkSubscribe":{"enabled":true,"maxMessagesCount":10}}]
            """);

        Assert.Equal(["orders", "raw.topic", "rules", "bulk"], definitions.Select(d => d.Topic));
        Assert.All(definitions, d => Assert.Equal(SubscriptionType.Programmatic, d.Type));
        Assert.Equal([new SubscriptionRule(null, "/pubsub--orders--default")], definitions[0].Rules);
        Assert.True(definitions[1].RawPayload);
        Assert.Equal([new SubscriptionRule("event.type == \"a\"", "/pubsub--rules--a"), new SubscriptionRule(null, "/pubsub--rules--dflt")], definitions[2].Rules);
        Assert.Equal("dlq", definitions[2].DeadLetterTopic);
    }

    [Fact]
    public void TryParse_FieldNamesInAnyCase_AndRoutesDefaultWinsOverRoute()
    {
        var definition = Assert.Single(Parse("""[{"PubsubName":"p","TOPIC":"t","route":"/old","Routes":{"Default":"/new"}}]"""));

        Assert.Equal([new SubscriptionRule(null, "/new")], definition.Rules);
    }

    [Fact]
    public void TryParse_ItemWithoutAnyRoute_IsDroppedWithAWarning()
    {
        Assert.True(ProgrammaticSubscriptionParser.TryParse(Encoding.UTF8.GetBytes("""[{"pubsubname":"p","topic":"t"}]"""), "default", out var definitions, out var warnings, out _));

        Assert.Empty(definitions);
        Assert.Contains("no route", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("[]", 0)]
    public void TryParse_EmptyAnswers_MeanNoSubscriptions(string json, int count)
    {
        Assert.Equal(count, Parse(json).Count);
    }

    [Theory]
    [InlineData("{}", "not an array")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("[{\"topic\":\"t\",\"route\":\"/t\"}]", "'pubsubname' and 'topic'")]
    [InlineData("[{\"pubsubname\":\"p\",\"topic\":\"t\",\"routes\":{\"rules\":[{\"match\":\"event.type = 1\",\"path\":\"/a\"}]}}]", "column")]
    [InlineData("[{\"pubsubname\":\"p\",\"topic\":\"t\",\"route\":\"/t\",\"metadata\":{\"rawPayload\":true}}]", "must be a string")]
    [InlineData("[{", "not valid JSON")]
    public void TryParse_BrokenAnswers_FailWhole(string json, string expected)
    {
        Assert.False(ProgrammaticSubscriptionParser.TryParse(Encoding.UTF8.GetBytes(json), "default", out _, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
