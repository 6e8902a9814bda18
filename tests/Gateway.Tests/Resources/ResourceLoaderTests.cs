using Gateway.Resources;

namespace Gateway.Tests.Resources;

public sealed class ResourceLoaderTests
{
    [Fact]
    public void Load_MissingDirectory_ReportsItAndSaysWhatToDo()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"gateway-missing-{Guid.NewGuid():N}");

        var result = ResourceLoader.Load(missing, FakePubSubDriverFactory.All);

        ResultAssert.SingleError(result, "does not exist", "--resources-path");
    }

    [Fact]
    public void Load_EmptyDirectory_GivesAnEmptySet()
    {
        using var folder = new ResourceFolder();

        var set = ResultAssert.Loaded(folder.Load());

        Assert.Empty(set.Components);
        Assert.Empty(set.Subscriptions);
        Assert.Empty(set.Apps);
        Assert.Empty(set.Resiliencies);
    }

    [Fact]
    public void Load_FilesOfTheFolder_AreReadInOrdinalOrder_AndSubfoldersAreNot()
    {
        using var folder = new ResourceFolder()
            .With("b.yaml", Component("second"))
            .With("a.yml", Component("first"))
            .With("compose/z.yml", Component("another-set"))
            .With("B.yaml", Component("upper-case-sorts-first"))
            .With("c.txt", "not: yaml we read");

        var set = ResultAssert.Loaded(folder.Load());

        Assert.Equal(["upper-case-sorts-first", "first", "second"], set.Components.Select(component => component.Name));
        Assert.Equal("a.yml", set.Components[1].Location.File);
    }

    [Fact]
    public void Load_SeveralDocumentsInOneFile_LoadsEachWithItsOwnLine()
    {
        var yaml = ResourceYaml.Documents(Component("one"), Component("two"));

        var set = ResultAssert.Loaded(ResourceFolder.LoadSingle(yaml));

        Assert.Equal([1, 8], set.Components.Select(component => component.Location.Line));
    }

    [Fact]
    public void Load_AnyError_GivesNoResourceSetButStillReportsWarnings()
    {
        var yaml = ResourceYaml.Documents(Component("ok"), "apiVersion: dapr.io/v1alpha1\nkind: Configuration\nmetadata:\n  name: c", "apiVersion: v1\nkind: Nonsense");

        var result = ResourceFolder.LoadSingle(yaml);

        Assert.Null(result.Resources);
        Assert.NotEmpty(result.Errors);
        ResultAssert.SingleWarning(result, "kind 'Configuration' is ignored");
    }

    [Fact]
    public void Load_YamlSyntaxErrorInOneFile_StillChecksTheOtherFiles()
    {
        using var folder = new ResourceFolder()
            .With("a.yaml", "apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: [unclosed\n")
            .With("b.yaml", Component("fine") + "\n  bogus: 1");

        var result = folder.Load();

        Assert.Collection(
            result.Errors,
            syntax => Assert.Equal(("a.yaml", true), (syntax.File, syntax.Message.StartsWith("YAML syntax error", StringComparison.Ordinal))),
            unknown => Assert.Equal(("b.yaml", 7), (unknown.File, unknown.Line)));
    }

    [Fact]
    public void Load_DocumentThatIsNotAMapping_IsSkippedWithAWarningNamingItsNumber()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(Component("ok"), "just text"));

        Assert.Single(ResultAssert.Loaded(result).Components);
        var warning = ResultAssert.SingleWarning(result, "resources.yaml:8: document 2:", "not a resource", "skipped");
        Assert.Null(warning.Name);
    }

    [Theory]
    [InlineData("kind: Component\nmetadata:\n  name: p\nspec:\n  type: pubsub.in-memory", "no apiVersion")]
    [InlineData("apiVersion: dapr.io/v1alpha1\nmetadata:\n  name: p\nspec:\n  type: pubsub.in-memory", "no kind")]
    [InlineData("services:\n  redis:\n    image: redis", "no apiVersion and no kind")]
    public void Load_DocumentWithoutApiVersionOrKind_IsSkippedWithAWarning_AsDaprSkipsIt(string document, string missing)
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.Documents(Component("ok"), document));

        Assert.Equal(["ok"], ResultAssert.Loaded(result).Components.Select(component => component.Name));
        ResultAssert.SingleWarning(result, "resources.yaml:8:", $"the document has {missing}, so it is not a resource and is skipped");
    }

    [Fact]
    public void Load_UnknownKind_IsAnErrorListingTheKindsTheGatewayReads()
    {
        var result = ResourceFolder.LoadSingle("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings");

        ResultAssert.SingleError(result, "resources.yaml:2: resource 'settings' (ConfigMap): unknown kind 'ConfigMap'", "Component, Subscription, Resiliency and App");
    }

    [Fact]
    public void Load_KindWithWrongCase_SuggestsTheRightSpelling()
    {
        var result = ResourceFolder.LoadSingle(Component("pubsub").Replace("kind: Component", "kind: COMPONENT", StringComparison.Ordinal));

        ResultAssert.SingleError(result, "did you mean 'Component'?");
    }

    [Theory]
    [InlineData("Component", "dapr.io/v2alpha1", "use dapr.io/v1alpha1")]
    [InlineData("Subscription", "dapr.io/v1", "use dapr.io/v2alpha1 or dapr.io/v1alpha1")]
    [InlineData("App", "dapr.io/v1alpha1", "use gateway/v1alpha1")]
    [InlineData("Resiliency", "dapr.io/v2alpha1", "use dapr.io/v1alpha1")]
    public void Load_WrongApiVersionForAKnownKind_ListsTheAcceptedVersions(string kind, string apiVersion, string expected)
    {
        var result = ResourceFolder.LoadSingle($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: x\nspec: {{}}");

        ResultAssert.SingleError(result, $"resources.yaml:1: resource 'x' ({kind}): apiVersion '{apiVersion}' is not accepted for {kind}; {expected}");
    }

    [Theory]
    [InlineData("Configuration")]
    [InlineData("HTTPEndpoint")]
    public void Load_DaprKindsTheGatewayDoesNotUse_AreIgnoredWithAWarning(string kind)
    {
        var result = ResourceFolder.LoadSingle($"apiVersion: dapr.io/v1alpha1\nkind: {kind}\nmetadata:\n  name: x\n  whatever: 1\nspec:\n  anything: goes");

        ResultAssert.Loaded(result);
        ResultAssert.SingleWarning(result, $"kind '{kind}' is ignored");
    }

    [Theory]
    [InlineData("state.redis")]
    [InlineData("bindings.kafka")]
    public void Load_NonPubSubComponent_IsSkippedWithAWarningEvenWithSecretReferences(string type)
    {
        var yaml = $"apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: store\nspec:\n  type: {type}\n  metadata:\n    - name: password\n      secretKeyRef: {{name: s, key: k}}";

        var result = ResourceFolder.LoadSingle(yaml);

        Assert.Empty(ResultAssert.Loaded(result).Components);
        ResultAssert.SingleWarning(result, $"component type '{type}' is not pub/sub");
    }

    private static string Component(string name) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: pubsub.in-memory
        """;
}
