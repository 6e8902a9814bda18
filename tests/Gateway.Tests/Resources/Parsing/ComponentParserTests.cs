namespace Gateway.Tests.Resources.Parsing;

public sealed class ComponentParserTests
{
    private static string Component(string type, string metadata = "", string extraSpec = "") =>
        $"apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: pubsub\nspec:\n  type: {type}\n{extraSpec}  metadata:\n{metadata}";

    [Fact]
    public void Parse_ValidComponent_KeepsMetadataInOrderWithCaseAndTextOfNumbersAndBooleans()
    {
        var metadata = "    - name: maxPendingMessages\n      value: 0100\n    - name: PublishingScopes\n      value: true\n    - name: consumerID\n";

        var set = ResultAssert.Loaded(ResourceFolder.LoadSingle(Component("pubsub.in-memory", metadata)));

        var component = Assert.Single(set.Components);
        Assert.Equal(("pubsub.in-memory", "v1"), (component.Type, component.Version));
        Assert.Equal(
            [KeyValuePair.Create("maxPendingMessages", "0100"), KeyValuePair.Create("PublishingScopes", "true"), KeyValuePair.Create("consumerID", "")],
            component.Metadata);
        Assert.Equal("0100", component.MetadataDictionary["MAXPENDINGMESSAGES"]);
    }

    [Fact]
    public void Parse_VersionInitTimeoutAndIgnoreErrors_AreAccepted()
    {
        var yaml = Component("pubsub.in-memory", "    []", "  version: v2\n  initTimeout: 30s\n  ignoreErrors: true\n");

        var set = ResultAssert.Loaded(ResourceFolder.LoadSingle(yaml));

        Assert.Equal("v2", Assert.Single(set.Components).Version);
    }

    [Fact]
    public void Parse_BadInitTimeout_IsReportedAsAGoDuration()
    {
        var yaml = Component("pubsub.in-memory", "    - name: maxPendingMessages\n      value: 1", "  initTimeout: soon\n");

        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), "field 'spec.initTimeout' must be a Go duration");
    }

    [Fact]
    public void Parse_UnknownPubSubType_ListsTheKnownTypes()
    {
        var result = ResourceFolder.LoadSingle(Component("pubsub.rabbitmq", "    - name: host\n      value: x"));

        ResultAssert.SingleError(result, "resources.yaml:6: resource 'pubsub' (Component): unknown pub/sub type 'pubsub.rabbitmq'; the gateway supports: pubsub.in-memory, pubsub.redis");
    }

    [Fact]
    public void Parse_MissingType_IsReported()
    {
        var yaml = "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: p\nspec:\n  version: v1";

        ResultAssert.SingleError(ResourceFolder.LoadSingle(yaml), "field 'spec.type' is required; set it to one of: pubsub.in-memory, pubsub.redis");
    }

    [Fact]
    public void Parse_SecretKeyRefWithoutAnySecretStore_NamesTheDefaultStoreAndWhatToDo()
    {
        var metadata = "    - name: redisHost\n      value: localhost:6379\n    - name: redisPassword\n      secretKeyRef:\n        name: redis\n        key: password";

        var result = ResourceFolder.LoadSingle(Component("pubsub.redis", metadata));

        ResultAssert.SingleError(
            result, "resources.yaml:11:", "metadata 'redisPassword' takes its value from secret store 'kubernetes' (secret 'redis', key 'password')",
            "the default store 'kubernetes' is used", "set 'auth.secretStore' or define that store");
    }

    [Fact]
    public void Parse_DuplicateMetadataNamesIgnoringCase_AreReportedWithBothLines()
    {
        var metadata = "    - name: redisHost\n      value: a:1\n    - name: REDISHOST\n      value: b:2";

        var result = ResourceFolder.LoadSingle(Component("pubsub.redis", metadata));

        ResultAssert.SingleError(result, "resources.yaml:10:", "metadata 'REDISHOST' is given twice (also on line 8");
    }

    [Fact]
    public void Parse_TheSameMetadataNameTwice_IsAWarning_AndTheLastValueIsUsed_AsInDapr()
    {
        var metadata = "    - name: redisHost\n      value: a:1\n    - name: redisHost\n      value: b:2";

        var result = ResourceFolder.LoadSingle(Component("pubsub.redis", metadata));

        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, w => w.Line == 10 && w.Message.StartsWith("metadata 'redisHost' is given twice (also on line 8); the last value is used", StringComparison.Ordinal));
        Assert.Equal("b:2", Assert.Single(result.Resources!.Components).MetadataDictionary["redisHost"]);
    }

    [Fact]
    public void Parse_MetadataItemWithoutName_IsReported()
    {
        var result = ResourceFolder.LoadSingle(Component("pubsub.in-memory", "    - value: 3"));

        ResultAssert.SingleError(result, "field 'spec.metadata[0].name' is required");
    }

    [Fact]
    public void Parse_MetadataValueThatIsAMapping_IsReported()
    {
        var result = ResourceFolder.LoadSingle(Component("pubsub.in-memory", "    - name: maxPendingMessages\n      value: {a: 1}"));

        ResultAssert.SingleError(result, "field 'spec.metadata[0].value' must be a single value (text), but a mapping was given");
    }

    [Fact]
    public void Parse_DriverProblem_IsReportedAtTheLineOfTheMetadataItem()
    {
        var metadata = "    - name: maxPendingMessages\n      value: 1\n    - name: flushInterval\n      value: 5s";

        var result = ResourceFolder.LoadSingle(Component("pubsub.in-memory", metadata));

        ResultAssert.SingleError(result, "resources.yaml:10: resource 'pubsub' (Component): metadata 'flushInterval': is not a pubsub.in-memory setting");
    }

    [Fact]
    public void Parse_DriverProblemForAMissingKey_IsReportedAtTheMetadataList()
    {
        var result = ResourceFolder.LoadSingle(Component("pubsub.redis", "    - name: redisDB\n      value: 0"));

        ResultAssert.SingleError(result, "resources.yaml:7: resource 'pubsub' (Component): metadata 'redisHost': is required");
    }

    [Fact]
    public void Parse_GatewayKeys_AreNotReportedByTheDriver()
    {
        var metadata = "    - name: allowedTopics\n      value: a,b\n    - name: protectedTopics\n      value: c\n    - name: subscriptionScopes\n      value: x=a";

        ResultAssert.Loaded(ResourceFolder.LoadSingle(Component("pubsub.in-memory", metadata)));
    }
}
