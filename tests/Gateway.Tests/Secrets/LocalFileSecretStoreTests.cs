using System.Text;
using Gateway.Secrets;

namespace Gateway.Tests.Secrets;

/// <summary>Dapr's <c>secretstores.local.file</c>: flattening with <c>nestedSeparator</c>, <c>multiValued</c>, and problems that never quote the file.</summary>
public sealed class LocalFileSecretStoreTests
{
    private const string Nested = """{"redis":{"password":"p@ss","hosts":["a:1","b:2"]},"kafka-password":"k","port":6379,"tls":true,"none":null}""";

    [Theory]
    [InlineData("redis:password", "p@ss")]
    [InlineData("redis:hosts:1", "b:2")]
    [InlineData("kafka-password", "k")]
    [InlineData("port", "6379")]
    [InlineData("tls", "true")]
    [InlineData("none", "")]
    public void SingleValued_EveryLeafIsASecretNamedByItsJoinedKey_WithOneKeyOfTheSameName(string name, string expected)
    {
        var store = Create(Nested, new LocalFileSecretsOptions());

        Assert.Equal(expected, store.Find(name, name).Value);
    }

    [Fact]
    public void SingleValued_NestedSeparator_JoinsTheKeys()
    {
        var store = Create(Nested, new LocalFileSecretsOptions { NestedSeparator = "." });

        Assert.Equal("p@ss", store.Find("redis.password", "redis.password").Value);
        Assert.Null(store.Find("redis:password", "redis:password").Value);
    }

    [Fact]
    public void SingleValued_AKeyOtherThanTheSecretsName_IsMissing_NamingItsOnlyKey()
    {
        var lookup = Create(Nested, new LocalFileSecretsOptions()).Find("kafka-password", "password");

        Assert.Null(lookup.Value);
        Assert.Contains("no key 'password'", lookup.Problem, StringComparison.Ordinal);
        Assert.Contains("'kafka-password'", lookup.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MultiValued_ATopLevelObjectIsOneSecretWithItsFlattenedKeys()
    {
        var store = Create(Nested, new LocalFileSecretsOptions { MultiValued = true });

        Assert.Equal("p@ss", store.Find("redis", "password").Value);
        Assert.Equal("a:1", store.Find("redis", "hosts:0").Value);
        Assert.Equal("k", store.Find("kafka-password", "kafka-password").Value);
        Assert.Contains("its keys: 'hosts:0', 'hosts:1', 'password'", store.Find("redis", "user").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSecret_NamesIt()
    {
        Assert.Equal("it has no secret 'nope'", Create(Nested, new LocalFileSecretsOptions()).Find("nope", "nope").Problem);
    }

    [Theory]
    [InlineData("""{"a":"s3cr3t-value",}""", "not valid JSON (line 1")]
    [InlineData("""s3cr3t-value""", "not valid JSON")]
    [InlineData("""["s3cr3t-value"]""", "a JSON list, not an object")]
    [InlineData("""{"a":{"b":"s3cr3t-value"},"a:b":"x"}""", "the key 'a:b' is given twice")]
    public void UnusableFile_IsAProblem_ThatNeverQuotesTheFile(string json, string expected)
    {
        var store = LocalFileSecretStore.Create("/run/secrets.json", Encoding.UTF8.GetBytes(json), new LocalFileSecretsOptions(), out var problem);

        Assert.Null(store);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_AndTheLookup_NeverShowAValue()
    {
        var store = Create(Nested, new LocalFileSecretsOptions());

        Assert.DoesNotContain("p@ss", store.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss", store.Find("redis:password", "redis:password").ToString(), StringComparison.Ordinal);
    }

    private static LocalFileSecretStore Create(string json, LocalFileSecretsOptions options) =>
        LocalFileSecretStore.Create("/run/secrets.json", Encoding.UTF8.GetBytes(json), options, out var problem) ?? throw new InvalidOperationException(problem);
}
