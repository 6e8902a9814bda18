using Gateway.Secrets;

namespace Gateway.Tests.Secrets;

/// <summary>Dapr's <c>secretstores.local.env</c>: <c>prefix</c>, refused variables, and an unset variable as a problem.</summary>
public sealed class LocalEnvSecretStoreTests
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["APP_REDIS_PASSWORD"] = "p@ss",
        ["REDIS_PASSWORD"] = "unprefixed",
        ["EMPTY"] = "",
        ["DAPR_API_TOKEN"] = "token",
        ["Gateway__SvidKey"] = "/keys/gateway.key",
    };

    [Fact]
    public void Prefix_IsPutBeforeTheSecretName()
    {
        Assert.Equal("p@ss", Store("APP_").Find("REDIS_PASSWORD", "REDIS_PASSWORD").Value);
        Assert.Equal("unprefixed", Store("").Find("REDIS_PASSWORD", "REDIS_PASSWORD").Value);
    }

    [Fact]
    public void AnEmptyVariable_IsAnEmptyValue()
    {
        Assert.Equal("", Store("").Find("EMPTY", "EMPTY").Value);
    }

    [Fact]
    public void AnUnsetVariable_IsAProblemNamingIt()
    {
        Assert.Equal("the environment variable 'APP_NOPE' is not set", Store("APP_").Find("NOPE", "NOPE").Problem);
    }

    [Theory]
    [InlineData("DAPR_API_TOKEN")]
    [InlineData("dapr_api_token")]
    [InlineData("APP_API_TOKEN")]
    [InlineData("Gateway__SvidKey")]
    public void DaprsAndTheGatewaysOwnVariables_AreRefused(string name)
    {
        var lookup = Store("").Find(name, name);

        Assert.Null(lookup.Value);
        Assert.Contains("may not be read", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyOtherThanTheSecretsName_IsMissing()
    {
        Assert.Contains("has one key, its own name", Store("").Find("REDIS_PASSWORD", "password").Problem, StringComparison.Ordinal);
    }

    private static LocalEnvSecretStore Store(string prefix) => new(prefix, name => Environment.GetValueOrDefault(name));
}
