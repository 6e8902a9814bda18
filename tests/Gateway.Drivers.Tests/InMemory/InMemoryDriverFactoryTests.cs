using Gateway.Drivers.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.InMemory;

public sealed class InMemoryDriverFactoryTests
{
    private readonly InMemoryDriverFactory _factory = new();

    [Fact]
    public void ComponentType_IsPubSubInMemory() => Assert.Equal("pubsub.in-memory", _factory.ComponentType);

    [Fact]
    public void Validate_UsableMetadataWithRuntimeKeys_HasNoProblems()
    {
        var metadata = new Dictionary<string, string>
        {
            ["maxPendingMessages"] = "500",
            ["redeliveryDelay"] = "250ms",
            [RuntimeMetadataKeys.PublishingScopes] = "app1=orders",
        };

        Assert.Empty(_factory.Validate(metadata));
    }

    [Fact]
    public void Validate_NullMetadata_DoesNotThrow() => Assert.Empty(_factory.Validate(null!));

    [Fact]
    public void Create_InvalidMetadata_ThrowsTerminalErrorNamingComponentKeyAndValue()
    {
        var context = new DriverContext("orders", new Dictionary<string, string> { ["maxPendingMessages"] = "abc" }, NullLoggerFactory.Instance, TimeProvider.System);

        var error = Assert.Throws<DriverException>(() => _factory.Create(context));

        Assert.False(error.IsTransient);
        Assert.Equal(
            "component 'orders' (pubsub.in-memory): metadata 'maxPendingMessages' requires a whole number greater than zero; the value 'abc' is not recognised.",
            error.Message);
    }

    [Fact]
    public async Task Create_ValidMetadata_GivesAHealthyDriverWithBulkPublish()
    {
        var context = new DriverContext("orders", new Dictionary<string, string>(), NullLoggerFactory.Instance, TimeProvider.System);

        await using var driver = _factory.Create(context);

        Assert.IsAssignableFrom<IBulkPublisher>(driver);
        Assert.Null(await Assert.IsAssignableFrom<IDriverHealth>(driver).CheckAsync(CancellationToken.None));
    }
}
