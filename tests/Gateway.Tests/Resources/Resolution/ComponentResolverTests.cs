using Gateway.Pubsub;
using Gateway.Resources;

namespace Gateway.Tests.Resources.Resolution;

/// <summary>
/// <c>secretKeyRef</c> and <c>envRef</c> in component metadata: values fetched from Dapr's local stores when the
/// folder loads, <c>auth.secretStore</c> or the default store <c>kubernetes</c>, and every failure an error naming
/// the store, secret and key, never the value.
/// </summary>
public sealed class ComponentResolverTests : IDisposable
{
    private const string Secret = "s3cr3t-Pa55word";
    private readonly ResourceFolder _folder = new();

    [Fact]
    public void SecretKeyRef_TakesTheValueFromTheStoreAuthSecretStoreNames_EvenWhenTheStoreComesInALaterFile()
    {
        _folder.With("a-pubsub.yaml", Redis(auth: "local-secrets")).With("b-store.yaml", FileStore("local-secrets", "secrets.json", multiValued: true))
            .With("secrets.json", $$$"""{"redis":{"password":"{{{Secret}}}"}}""");

        var result = Load();

        var component = Assert.Single(ResultAssert.Loaded(result).Components);
        Assert.Equal(Secret, component.MetadataDictionary["redisPassword"]);
        Assert.Contains("redisPassword", component.SecretKeys);
        Assert.DoesNotContain(Secret, component.ToString(), StringComparison.Ordinal);
        Assert.Equal([Path.Combine(_folder.Path, "secrets.json")], ResultAssert.Loaded(result).SecretFiles);
    }

    [Fact]
    public void WithoutAuthSecretStore_TheStoreNamedKubernetesIsUsed_AsDaprDoesOnKubernetes()
    {
        _folder.With("pubsub.yaml", Redis(auth: null)).With("store.yaml", FileStore("kubernetes", "secrets.json", multiValued: true))
            .With("secrets.json", $$$"""{"redis":{"password":"{{{Secret}}}"}}""");

        Assert.Equal(Secret, Assert.Single(ResultAssert.Loaded(Load()).Components).MetadataDictionary["redisPassword"]);
    }

    [Fact]
    public void MultiValuedStore_ReadsTheKeyOfTheSecret_AndAMissingKeyIsAnErrorNamingStoreSecretAndKey()
    {
        _folder.With("pubsub.yaml", Redis(auth: "local", key: "pass")).With("store.yaml", FileStore("local", "secrets.json", multiValued: true))
            .With("secrets.json", $$$"""{"redis":{"password":"{{{Secret}}}"}}""");

        var error = ResultAssert.SingleError(Load(), "pubsub.yaml:11: resource 'orders' (Component): metadata 'redisPassword': secret store 'local'",
            "its secret 'redis' has no key 'pass'");
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AStoreInAnotherNamespace_IsNotSeen()
    {
        _folder.With("pubsub.yaml", Redis(auth: "local")).With("store.yaml", FileStore("local", "secrets.json").Replace("  name: local", "  name: local\n  namespace: other", StringComparison.Ordinal))
            .With("secrets.json", """{"redis":{"password":"x"}}""");

        ResultAssert.SingleError(Load(), "takes its value from secret store 'local' (secret 'redis', key 'password')", "namespace 'default' has no secret store of a type the gateway reads");
    }

    [Fact]
    public void AStoreOfAnotherType_IsSkipped_AndAComponentReadingFromItIsAnErrorNamingTheType()
    {
        _folder.With("pubsub.yaml", Redis(auth: "vault")).With("store.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: vault
            spec:
              type: secretstores.hashicorp.vault
            """);

        var result = Load();

        ResultAssert.SingleError(result, "that store is of type 'secretstores.hashicorp.vault', which the gateway does not read");
        Assert.Contains(result.Warnings, warning => warning.Message.Contains("secret store type 'secretstores.hashicorp.vault' is not one the gateway reads", StringComparison.Ordinal));
    }

    [Fact]
    public void EnvStore_WithPrefix_ReadsTheGatewaysEnvironment_AndAnUnsetVariableIsAnError()
    {
        _folder.With("pubsub.yaml", Redis(auth: "env", secret: "REDIS_PASSWORD", key: null)).With("store.yaml", EnvStore("env", "APP_"));
        Assert.Equal(Secret, Assert.Single(ResultAssert.Loaded(Load(("APP_REDIS_PASSWORD", Secret))).Components).MetadataDictionary["redisPassword"]);

        ResultAssert.SingleError(Load(), "secret store 'env' (secretstores.local.env, environment variables starting with 'APP_'): the environment variable 'APP_REDIS_PASSWORD' is not set");
    }

    [Fact]
    public void EnvRef_ReadsOneVariable()
    {
        _folder.With("pubsub.yaml", Redis(auth: null).Replace("    secretKeyRef:\n      name: redis\n      key: password", "    envRef: REDIS_PASSWORD", StringComparison.Ordinal));

        var component = Assert.Single(ResultAssert.Loaded(Load(("REDIS_PASSWORD", Secret))).Components);

        Assert.Equal(Secret, component.MetadataDictionary["redisPassword"]);
        Assert.Contains("redisPassword", component.SecretKeys);
    }

    [Fact]
    public void SecretsFile_IsTakenFromTheResourcesFolder_AndAMissingOneIsAnErrorWithItsFullPath_ThatLiveReloadStillWatches()
    {
        _folder.With("pubsub.yaml", Redis(auth: "local")).With("store.yaml", FileStore("local", "secrets/missing.json"));

        var result = Load();

        var expected = Path.Combine(_folder.Path, "secrets", "missing.json");
        Assert.Contains(result.Errors, error => error.ToString().StartsWith("store.yaml:8: resource 'local' (Component): secrets file '" + expected + "': cannot read the file", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.Message.Contains("that store did not load (see its error)", StringComparison.Ordinal));
        Assert.Equal([expected], result.SecretFiles);
    }

    [Fact]
    public void AFetchedValueTheDriverRefuses_IsNeverQuoted_TheErrorSaysWhereItCameFrom()
    {
        _folder.With("pubsub.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: memory
            spec:
              type: pubsub.in-memory
              metadata:
              - name: maxPendingMessages
                secretKeyRef:
                  name: pending
            auth:
              secretStore: local
            """).With("store.yaml", FileStore("local", "secrets.json")).With("secrets.json", $$"""{"pending":"{{Secret}}"}""");

        var result = ResourceLoader.Load(_folder.Path, DriverCatalog.Default, environment: _ => null);

        var error = Assert.Single(result.Errors);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("the value from secret store 'local' (secret 'pending', key 'pending') is not recognised", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreMetadata_FollowsTheKeyPolicy_UnknownKeysWarn_BadValuesFail_AndItsOwnValuesAreNeverReferences()
    {
        _folder.With("store.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: local
            spec:
              type: secretstores.local.file
              metadata:
              - name: secretFile
                value: secrets.json
              - name: multiValued
                value: maybe
              - name: nestedSeparator
                secretKeyRef:
                  name: separator
            """);

        var result = Load();

        Assert.Contains(result.Warnings, warning => warning.Line == 8 && warning.Message.Contains("did you mean 'secretsFile'?", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.Line == 10 && error.Message.StartsWith("metadata 'multiValued'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.Line == 12 && error.Message.Contains("cannot come from a secret store", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.Message.Contains("'secretsFile'", StringComparison.Ordinal) && error.Message.Contains("required", StringComparison.Ordinal));
    }

    [Fact]
    public void ValueAndSecretKeyRefTogether_AreAnError()
    {
        _folder.With("pubsub.yaml", Redis(auth: null).Replace("    secretKeyRef:", "    value: inline\n    secretKeyRef:", StringComparison.Ordinal));

        ResultAssert.SingleError(Load(), "metadata 'redisPassword' has 'value' and 'secretKeyRef'; give only one");
    }

    public void Dispose() => _folder.Dispose();

    private ResourceLoadResult Load(params (string Name, string Value)[] environment) =>
        ResourceLoader.Load(_folder.Path, FakePubSubDriverFactory.All, environment: name => environment.FirstOrDefault(pair => pair.Name == name).Value);

    private static string Redis(string? auth, string secret = "redis", string? key = "password") => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: orders
        spec:
          type: pubsub.redis
          metadata:
          - name: redisHost
            value: localhost:6379
          - name: redisPassword
            secretKeyRef:
              name: {secret}
        {(key is null ? "" : $"      key: {key}\n")}{(auth is null ? "" : $"auth:\n  secretStore: {auth}\n")}
        """;

    private static string FileStore(string name, string file, bool multiValued = false) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: secretstores.local.file
          metadata:
          - name: secretsFile
            value: {file}
          - name: multiValued
            value: "{(multiValued ? "true" : "false")}"
        """;

    private static string EnvStore(string name, string prefix) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: secretstores.local.env
          metadata:
          - name: prefix
            value: {prefix}
        """;
}
