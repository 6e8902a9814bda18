namespace Gateway.Drivers.Tests.Redis;

/// <summary>Servers of a test's own.</summary>
internal static class RedisServerFixtureAccess
{
    public static Task<RedisServerFixture> StartAsync(RedisServerOptions options) => RedisServerFixture.StartAsync(options);
}
