namespace Gateway.Scopes.Tests;

public class ScopeMetadataTests
{
    [Fact]
    public void Read_NoScopeKeys_AllValuesEmptyAndNothingAmbiguous()
    {
        var metadata = ScopeMetadata.Read(TestMetadata.Of(("brokers", "localhost:9092"), ("consumerGroup", "g")));

        Assert.Equal(["", "", "", ""], Values(metadata));
        Assert.Empty(metadata.AmbiguousKeys);
    }

    [Fact]
    public void Read_KeysInAnyCase_AreFound()
    {
        var metadata = ScopeMetadata.Read(TestMetadata.Of(
            ("PUBLISHINGSCOPES", "p"),
            ("subscriptionscopes", "s"),
            ("AllowedTopics", "a"),
            ("protectedTOPICS", "x")));

        Assert.Equal(["p", "s", "a", "x"], Values(metadata));
        Assert.Empty(metadata.AmbiguousKeys);
    }

    [Fact]
    public void Read_SameSpellingTwice_LastValueWinsAndIsNotAmbiguous()
    {
        var metadata = ScopeMetadata.Read(TestMetadata.Of(
            ("allowedTopics", "first"),
            ("allowedTopics", "second")));

        Assert.Equal("second", metadata.AllowedTopics);
        Assert.Empty(metadata.AmbiguousKeys);
    }

    [Fact]
    public void Read_DocumentedAndOtherSpelling_DocumentedSpellingWinsAndKeyIsAmbiguous()
    {
        var metadata = ScopeMetadata.Read(TestMetadata.Of(
            ("PublishingScopes", "app1=other"),
            ("publishingScopes", "app1=documented"),
            ("PUBLISHINGSCOPES", "app1=upper")));

        Assert.Equal("app1=documented", metadata.PublishingScopes);
        Assert.Equal(["publishingScopes"], metadata.AmbiguousKeys);
    }

    [Fact]
    public void Read_TwoUndocumentedSpellings_FirstDeclaredSpellingWins()
    {
        var metadata = ScopeMetadata.Read(TestMetadata.Of(
            ("PROTECTEDTOPICS", "upper"),
            ("Protectedtopics", "mixed"),
            ("PROTECTEDTOPICS", "upper-again")));

        Assert.Equal("upper-again", metadata.ProtectedTopics);
        Assert.Equal(["protectedTopics"], metadata.AmbiguousKeys);
    }

    [Fact]
    public void Read_SeveralAmbiguousKeys_ReportedInDocumentedOrder()
    {
        var metadata = ScopeMetadata.Read(TestMetadata.Of(
            ("protectedTopics", "a"),
            ("PROTECTEDTOPICS", "b"),
            ("publishingScopes", "c"),
            ("PublishingScopes", "d")));

        Assert.Equal(["publishingScopes", "protectedTopics"], metadata.AmbiguousKeys);
    }

    [Fact]
    public void Read_NullValue_IsTreatedAsEmpty()
    {
        var metadata = ScopeMetadata.Read([new KeyValuePair<string, string>("allowedTopics", null!)]);

        Assert.Equal("", metadata.AllowedTopics);
    }

    private static string[] Values(ScopeMetadata metadata) =>
        [metadata.PublishingScopes, metadata.SubscriptionScopes, metadata.AllowedTopics, metadata.ProtectedTopics];
}
