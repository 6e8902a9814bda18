using Gateway.Pubsub;
using Gateway.Resources;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Pubsub;

public sealed class ComponentRegistryReplaceTests
{
    private static ComponentSpec Spec(string name, string scopes = "", int line = 1) => new(
        name, "default", "pubsub.in-memory", "v1",
        [new KeyValuePair<string, string>("publishingScopes", scopes)], [], new ResourceLocation("resources.yaml", line));

    private static ResourceSet SetOf(params ComponentSpec[] components) => new(components, [], [], []);

    private static ComponentRegistry Create(params ComponentSpec[] components) =>
        ComponentRegistry.Create(SetOf(components), DriverCatalog.Default, NullLoggerFactory.Instance, TimeProvider.System, "gateway-0");

    [Fact]
    public async Task Replace_UnchangedDeclarationInAnotherPlace_KeepsTheSameComponent()
    {
        await using var registry = Create(Spec("a"));
        var before = registry.Find("default", "app", "a");

        var removed = registry.Replace(SetOf(Spec("a", line: 40)));

        Assert.Same(before, registry.Find("default", "app", "a"));
        Assert.Empty(removed);
    }

    [Fact]
    public async Task Replace_ChangedScopes_NewComponentIsUsedAndTheOldOneIsHandedBack()
    {
        await using var registry = Create(Spec("a", "app=x"));
        var before = registry.Find("default", "app", "a");

        var removed = registry.Replace(SetOf(Spec("a", "app=y")));

        var after = registry.Find("default", "app", "a");
        Assert.NotSame(before, after);
        Assert.Same(before, Assert.Single(removed));
        Assert.False(after!.Scopes.Check("app", "x", Gateway.Scopes.ScopeOperation.Publish).Allowed);
        await before!.DisposeAsync();
    }

    [Fact]
    public async Task Replace_RemovedAndAddedComponents_AreGoneAndPresent()
    {
        await using var registry = Create(Spec("a"), Spec("b"));
        var b = registry.Find("default", "app", "b");

        var removed = registry.Replace(SetOf(Spec("a"), Spec("c")));

        Assert.Null(registry.Find("default", "app", "b"));
        Assert.NotNull(registry.Find("default", "app", "c"));
        Assert.Same(b, Assert.Single(removed));
        await b!.DisposeAsync();
    }
}
