using Gateway.Drivers.Redis;
using Gateway.Drivers.Tests.Conformance;
using Gateway.Tests.TestSupport;

namespace Gateway.Drivers.Tests.Redis;

/// <summary>Passwords, ACL users and TLS, each against a server of its own.</summary>
public sealed class RedisSecurityTests
{
    private const string Password = "correct-horse-battery";

    [Fact]
    public async Task Password_Right_PublishesAndDelivers_Wrong_FailsWithoutShowingIt()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("require a password"));

        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions { RequirePassword = Password });

        await AssertRoundTripAsync(server.Address, new() { [RedisOptions.RedisPasswordKey] = Password });
        await AssertRefusedAsync(server.Address, new() { [RedisOptions.RedisPasswordKey] = "wrong-" + Password });
    }

    [Fact]
    public async Task AclUser_Right_PublishesAndDelivers_Wrong_FailsWithoutShowingThePassword()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("create an ACL user"));

        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions { AclUser = ("gateway", Password) });

        await AssertRoundTripAsync(server.Address, new() { [RedisOptions.RedisUsernameKey] = "gateway", [RedisOptions.RedisPasswordKey] = Password });
        await AssertRefusedAsync(server.Address, new() { [RedisOptions.RedisUsernameKey] = "someone-else", [RedisOptions.RedisPasswordKey] = Password });
    }

    [Fact]
    public async Task AclUser_WrongPassword_WhileTheDefaultUserIsOpen_IsRefused_NeverRunAsDefault()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("create an ACL user"));

        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions { AclUser = ("gateway", Password), DefaultUserStaysOpen = true });
        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver(new() { [RedisOptions.RedisUsernameKey] = "gateway", [RedisOptions.RedisPasswordKey] = "wrong-" + Password });
        var topic = RedisDriverScope.UniqueName("topic");

        var error = await Assert.ThrowsAsync<DriverException>(() => driver.PublishAsync(RedisDriverScope.Text(topic, "x"), CancellationToken.None).AsTask());
        var subscribeError = await Assert.ThrowsAsync<DriverException>(() => driver.SubscribeAsync(
            new SubscribeRequest(topic, "group", new Dictionary<string, string>()), (_, _) => ValueTask.FromResult(MessageOutcome.Acknowledge), CancellationToken.None).AsTask());
        var health = await ((IDriverHealth)driver).CheckAsync(CancellationToken.None);

        Assert.Contains("user 'gateway' was refused (WRONGPASS)", error.Message);
        Assert.False(error.IsTransient, error.Message);
        Assert.Contains("refused", subscribeError.Message);
        Assert.Contains("user 'gateway' was refused", health);
        Assert.DoesNotContain(Password, error.Message + subscribeError.Message + health);
        // Nothing reached the server under the default user's name.
        Assert.Equal(0, await (await scope.ClientAsync(server.ClientOptions())).StreamLengthAsync(topic));
    }

    [Fact]
    public async Task Password_GivenToAServerWithoutOne_IsRefused()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("run without a password"));

        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions());
        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver(new() { [RedisOptions.RedisPasswordKey] = Password });

        var error = await Assert.ThrowsAsync<DriverException>(() => driver.PublishAsync(RedisDriverScope.Text("t", "x"), CancellationToken.None).AsTask());

        Assert.Contains("the server has no password for the default user, but 'redisPassword' is set", error.Message);
        Assert.False(error.IsTransient, error.Message);
    }

    [Fact]
    public async Task Tls_WithOurAuthorityAndClientCertificate_PublishesAndDelivers()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("listen with TLS"));

        var certificates = RedisTestCertificates.Create();
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions { Tls = certificates });

        await AssertRoundTripAsync(server.Address, new()
        {
            [RedisOptions.EnableTlsKey] = "true",
            [RedisOptions.CaCertKey] = certificates.AuthorityPem,
            [RedisOptions.ClientCertKey] = certificates.ClientCertificatePem,
            [RedisOptions.ClientKeyKey] = certificates.ClientKeyPem,
        });
    }

    [Fact]
    public async Task Tls_ServerCertificateFromAnUnknownAuthority_IsRefused()
    {
        Skip.When(RedisServerFixture.UsesExternalServer, RedisServerFixture.ExternalReason("listen with TLS"));

        var certificates = RedisTestCertificates.Create();
        await using var server = await RedisServerFixtureAccess.StartAsync(new RedisServerOptions { Tls = certificates });
        var stranger = RedisTestCertificates.Create();

        await using var scope = new RedisDriverScope(server.Address);
        var driver = scope.NewDriver(new()
        {
            [RedisOptions.EnableTlsKey] = "true",
            [RedisOptions.CaCertKey] = stranger.AuthorityPem,
            [RedisOptions.ClientCertKey] = certificates.ClientCertificatePem,
            [RedisOptions.ClientKeyKey] = certificates.ClientKeyPem,
        });

        var error = await Assert.ThrowsAsync<DriverException>(() => driver.PublishAsync(RedisDriverScope.Text("t", "x"), CancellationToken.None).AsTask());
        Assert.Contains("not connected", error.Message);
        Assert.NotNull(await ((IDriverHealth)driver).CheckAsync(CancellationToken.None));
    }

    private static async Task AssertRoundTripAsync(string address, Dictionary<string, string> metadata)
    {
        await using var scope = new RedisDriverScope(address);
        var driver = scope.NewDriver(metadata);
        var (topic, group) = (RedisDriverScope.UniqueName("topic"), RedisDriverScope.UniqueName("group"));
        var received = new ReceivedMessages();
        await scope.SubscribeAsync(driver, topic, group, received.Acknowledging);

        await driver.PublishAsync(RedisDriverScope.Text(topic, "secured"), CancellationToken.None);

        await Eventually.HoldsAsync(() => received.Contains("secured"), RedisDriverScope.Patience, received.Describe);
        Assert.Null(await ((IDriverHealth)driver).CheckAsync(CancellationToken.None));
    }

    private static async Task AssertRefusedAsync(string address, Dictionary<string, string> metadata)
    {
        await using var scope = new RedisDriverScope(address);
        var driver = scope.NewDriver(metadata);

        var error = await Assert.ThrowsAsync<DriverException>(() => driver.PublishAsync(RedisDriverScope.Text("t", "x"), CancellationToken.None).AsTask());

        Assert.Contains("refused the credentials", error.Message);
        Assert.DoesNotContain(Password, error.Message);
        Assert.False(error.IsTransient, error.Message);
        Assert.NotNull(await ((IDriverHealth)driver).CheckAsync(CancellationToken.None));
    }
}
