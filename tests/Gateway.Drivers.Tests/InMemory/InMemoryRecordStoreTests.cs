using Gateway.Drivers.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Drivers.Tests.InMemory;

/// <summary>The embedded broker lives and dies with one process, so it offers no shared record store.</summary>
public sealed class InMemoryRecordStoreTests
{
    [Fact]
    public async Task Driver_DoesNotOfferARecordStore()
    {
        var factory = new InMemoryDriverFactory();
        await using var driver = factory.Create(new DriverContext("memory", new Dictionary<string, string>(), NullLoggerFactory.Instance, TimeProvider.System));

        Assert.IsNotAssignableFrom<IRecordStoreProvider>(driver);
    }
}
