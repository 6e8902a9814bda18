using System.Net;
using System.Net.Sockets;
using Gateway.Drivers.Redis;
using Gateway.Drivers.Redis.Client;
using Gateway.Drivers.Tests.Conformance;
using Gateway.Tests.TestSupport;
using StackExchange.Redis;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>
/// A reader's own client (<see cref="ReaderConnection"/>) is bound to one server, chosen by the shared connection. When
/// that server cannot be reached (a primary killed before the shared connection or the sentinels noticed) or its
/// connection drops, the reader fails at once, so its lane binds a new one to whoever owns the streams now; it never
/// reconnects to the old address by itself.
/// </summary>
public sealed class ReaderConnectionTests
{
    /// <summary>The longest block the readers are opened for (it only sets their command timeout).</summary>
    private static readonly TimeSpan LongBlock = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NothingListensAtTheAddress_OpeningFailsAtOnce_NamingTheServer()
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort());

        var opening = ReaderConnection.OpenAsync(SharedConfiguration($"127.0.0.1:{endpoint.Port}"), endpoint, LongBlock, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<RedisCommandFailure>(() => opening.WaitAsync(RedisDriverScope.Patience));

        Assert.Equal(RedisFailureKind.Connection, failure.Kind);
        Assert.Equal(endpoint.ToString(), failure.Where);
        Assert.Equal("XREADGROUP", failure.Command);
        Assert.StartsWith("not connected", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerRestartedAtTheSameAddress_TheReaderDoesNotComeBackByItself_ItsNextReadFailsAtOnce()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("restarts the server"));
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        var endpoint = IPEndPoint.Parse(server.Address);
        await using var reader = await ReaderConnection.OpenAsync(SharedConfiguration(server.Address), endpoint, LongBlock, CancellationToken.None);
        var stream = RedisDriverScope.UniqueName("stream");
        var database = reader.GetDatabase();
        await database.ExecuteAsync("XGROUP", "CREATE", stream, "group", "$", "MKSTREAM");

        // What answers at the old address after a failover may be the demoted primary or another server altogether;
        // whether it still owns the stream is for the shared connection to say, not for the reader to assume.
        await server.RestartAsync();

        var failure = await Assert.ThrowsAnyAsync<RedisException>(
            () => database.ExecuteAsync("XREADGROUP", "GROUP", "group", "consumer", "BLOCK", "100", "STREAMS", stream, ">").WaitAsync(RedisDriverScope.Patience));
        Assert.Equal(RedisFailureKind.Connection, RedisErrors.Translate(failure, server.Address, "XREADGROUP").Kind);
        Assert.False(reader.IsConnected);
    }

    /// <summary>The shared connection's settings for a single node at <paramref name="address"/>, as the driver builds them from metadata.</summary>
    private static ConfigurationOptions SharedConfiguration(string address)
    {
        var options = RedisOptionsParser.Parse(new Dictionary<string, string> { [RedisOptions.RedisHostKey] = address }, out var problems);
        Assert.Empty(problems);
        return RedisClientConfiguration.Shared(options);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
