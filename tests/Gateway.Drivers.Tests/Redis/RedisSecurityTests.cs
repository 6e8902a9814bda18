using Gateway.Drivers.Redis;
using Gateway.Drivers.Redis.Resp;
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
        Assert.Contains("TLS handshake failed", error.Message);
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

        Assert.Contains("WRONGPASS", error.Message);
        Assert.DoesNotContain(Password, error.Message);
        Assert.False(error.IsTransient, error.Message);
        Assert.NotNull(await ((IDriverHealth)driver).CheckAsync(CancellationToken.None));
    }
}
