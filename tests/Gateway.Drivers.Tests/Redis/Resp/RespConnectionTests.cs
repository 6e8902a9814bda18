using Gateway.Drivers.Redis.Resp;
using Gateway.Tests.TestSupport;

namespace Gateway.Drivers.Tests.Redis.Resp;

/// <summary>The client against a real <c>redis-server</c>.</summary>
public sealed class RespConnectionTests(RedisServerFixture server) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Execute_ManyConcurrentCallers_EachGetsItsOwnReply()
    {
        await using var connection = await RespConnection.OpenAsync(server.ClientSettings(), CancellationToken.None);

        var replies = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(async () =>
            (i, (await connection.ExecuteAsync(new RedisCommand("ECHO").Add($"caller-{i}"), CancellationToken.None)).AsString()))));

        Assert.All(replies, reply => Assert.Equal($"caller-{reply.i}", reply.Item2));
    }

    [Fact]
    public async Task Execute_ReplyLaterThanTheCommandTimeout_FailsTheCommandAndEveryoneWaitingBehindIt()
    {
        var settings = server.ClientSettings();
        settings = new RedisConnectionSettings
        {
            Endpoint = settings.Endpoint, Username = settings.Username, Password = settings.Password, Database = settings.Database,
            UseTls = settings.UseTls, CommandTimeout = TimeSpan.FromMilliseconds(300),
        };
        await using var connection = await RespConnection.OpenAsync(settings, CancellationToken.None);

        // BLPOP holds its reply for 3 s on the server, so the ECHO behind it waits too.
        var blocked = connection.ExecuteAsync(new RedisCommand("BLPOP").Add($"empty-{Guid.NewGuid():N}").Add("3"), CancellationToken.None);
        var behind = connection.ExecuteAsync(new RedisCommand("ECHO").Add("behind"), CancellationToken.None);

        var timedOut = await Assert.ThrowsAsync<RedisConnectionException>(() => blocked.WaitAsync(TimeSpan.FromSeconds(30)));
        var failedBehind = await Assert.ThrowsAsync<RedisConnectionException>(() => behind.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("BLPOP", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("no reply within 300ms", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("ECHO", failedBehind.Message, StringComparison.Ordinal);
        Assert.False(connection.IsOpen, "a connection with a reply in doubt must not be used again");
    }

    [Fact]
    public async Task Execute_CallerGivesUp_OnlyThatCallerStops_AndLaterCommandsGetTheirOwnReplies()
    {
        await using var connection = await RespConnection.OpenAsync(server.ClientSettings(), CancellationToken.None);
        using var giveUp = new CancellationTokenSource();

        var abandoned = connection.ExecuteAsync(new RedisCommand("BLPOP").Add($"empty-{Guid.NewGuid():N}").Add("1"), giveUp.Token);
        var next = connection.ExecuteAsync(new RedisCommand("ECHO").Add("mine"), CancellationToken.None);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("mine", (await next.WaitAsync(TimeSpan.FromSeconds(30))).AsString());
        Assert.Equal("after", (await connection.ExecuteAsync(new RedisCommand("ECHO").Add("after"), CancellationToken.None)).AsString());
        Assert.True(connection.IsOpen);
    }

    [Fact]
    public async Task Open_Redis7_SpeaksResp3()
    {
        await using var connection = await RespConnection.OpenAsync(server.ClientSettings(), CancellationToken.None);

        Assert.Equal(3, connection.ProtocolVersion);
    }

    [Fact]
    public async Task Execute_ErrorReply_NamesTheServerAndTheCommand()
    {
        await using var connection = await RespConnection.OpenAsync(server.ClientSettings(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<RedisServerException>(() =>
            connection.ExecuteAsync(new RedisCommand("XADD").Add($"stream-{Guid.NewGuid():N}").Add("not-an-id").Add("f").Add("v"), CancellationToken.None));

        Assert.StartsWith($"redis {server.Address}: XADD failed: ERR ", error.Message);
        Assert.Equal("ERR", error.Code);
        Assert.True(connection.IsOpen, "an error reply must not close the connection");
    }

    [Fact]
    public async Task Open_WithDatabase_SelectsIt()
    {
        Skip.When(server.IsExternal, RedisServerFixture.ExternalReason("write to database 3"));

        var key = $"key-{Guid.NewGuid():N}";
        await using var inThree = await RespConnection.OpenAsync(server.ClientSettings(database: 3), CancellationToken.None);
        await using var inZero = await RespConnection.OpenAsync(server.ClientSettings(), CancellationToken.None);

        await inThree.ExecuteAsync(new RedisCommand("SET").Add(key).Add("three"), CancellationToken.None);

        Assert.Equal("three", (await inThree.ExecuteAsync(new RedisCommand("GET").Add(key), CancellationToken.None)).AsString());
        Assert.True((await inZero.ExecuteAsync(new RedisCommand("GET").Add(key), CancellationToken.None)).IsNull);
    }

    [Fact]
    public async Task Execute_BatchWithOneBadCommand_FailsOnlyThatCommand()
    {
        await using var connection = await RespConnection.OpenAsync(server.ClientSettings(), CancellationToken.None);

        var replies = await connection.ExecuteBatchAsync(
            [new RedisCommand("ECHO").Add("a"), new RedisCommand("NOSUCHCOMMAND"), new RedisCommand("ECHO").Add("c")],
            CancellationToken.None);

        Assert.Equal("a", (await replies[0]).AsString());
        await Assert.ThrowsAsync<RedisServerException>(() => replies[1]);
        Assert.Equal("c", (await replies[2]).AsString());
    }

    [Fact]
    public async Task Open_NothingListening_FailsNamingTheServer()
    {
        var closed = RedisServerFixtureAccess.ClosedPortSettings();

        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RespConnection.OpenAsync(closed, CancellationToken.None));

        Assert.StartsWith($"redis {closed.Endpoint}: connect failed: ", error.Message);
    }

    [Fact]
    public async Task Multiplexer_ServerRestarted_ReconnectsOnTheNextCommand()
    {
        Skip.When(server.IsExternal, RedisServerFixture.ExternalReason("restart it"));

        await using var own = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        var events = new List<RedisConnectionEventKind>();
        await using var multiplexer = new RedisMultiplexer(own.ClientSettings(), TimeProvider.System, e => { lock (events) { events.Add(e.Kind); } });
        await multiplexer.ExecuteAsync(new RedisCommand("PING"), CancellationToken.None);

        await own.StopAsync();
        var during = await Assert.ThrowsAsync<RedisConnectionException>(() => multiplexer.ExecuteAsync(new RedisCommand("PING"), CancellationToken.None));
        await own.StartAsync();

        Assert.StartsWith($"redis {own.Address}: PING failed: ", during.Message);
        Assert.True(await SucceedsWithinAsync(() => multiplexer.ExecuteAsync(new RedisCommand("PING"), CancellationToken.None), TimeSpan.FromSeconds(30)), "the multiplexer never reconnected");
        lock (events)
        {
            Assert.Contains(RedisConnectionEventKind.Reconnected, events);
        }
    }

    private static async Task<bool> SucceedsWithinAsync(Func<Task> attempt, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < patience)
        {
            try
            {
                await attempt();
                return true;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(20);
            }
        }

        return false;
    }
}
