using System.Net;
using System.Text;
using Gateway.Subscriptions;
using Gateway.Cli;
using Gateway.Delivery;
using Gateway.Scopes;
using Gateway.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Integration;

/// <summary>A gateway whose components exercise every scoping rule, and one table both paths must agree on.</summary>
public sealed class ScopeFixture : IAsyncLifetime
{
    /// <summary>One component per scoping rule the table checks; the spellings in its metadata are part of the test.</summary>
    public static string Resources => TestAssets.Yaml("sets/scope-rules.yaml");

    internal TestPki Pki { get; } = new();

    internal GatewayTestHost Gateway { get; private set; } = null!;

    /// <summary>One App per app ID and one Subscription per subscribe row, scoped to that app.</summary>
    internal static string WithSubscriptions()
    {
        List<string> documents = [Resources];
        foreach (var app in ScopeEnforcementTests.Rows().Select(row => row.Data.Item2).Distinct())
        {
            documents.Add(TestAssets.Yaml("apps/app.yaml", new { name = app, baseUrl = "https://127.0.0.1:9" }));
        }

        var index = 0;
        foreach (var (pubsub, app, topic, _, _) in ScopeEnforcementTests.Rows().Select(row => row.Data).Where(row => row.Item4 == ScopeOperation.Subscribe))
        {
            documents.Add(TestAssets.Yaml("subscriptions/scoped.yaml", new { name = $"sub{index++}", pubsub, topic, route = "/x", app }));
        }

        return TestAssets.Join(documents);
    }

    public async ValueTask InitializeAsync() => Gateway = await GatewayTestHost.StartAsync(Pki, WithSubscriptions());

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        Pki.Dispose();
    }
}

/// <summary>
/// Dapr's scoping rules (Dapr's topic scoping, https://docs.dapr.io/developing-applications/building-blocks/pubsub/pubsub-scopes/) end to end: the same rows decide a real publish
/// over mTLS (204 vs 403), a declared subscription (running vs denied) and <c>gateway scopes check</c>.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ScopeEnforcementTests(ScopeFixture fixture) : IClassFixture<ScopeFixture>
{
    public static TheoryData<string, string, string, ScopeOperation, bool> Rows() => new()
    {
        { "scoped", "app1", "topic1", ScopeOperation.Publish, true },      // listed with the topic
        { "scoped", "app1", "topic2", ScopeOperation.Publish, false },     // listed without it
        { "scoped", "app2", "topic3", ScopeOperation.Publish, true },      // second topic of a list
        { "scoped", "app3", "topic1", ScopeOperation.Publish, false },     // 'app3=' means nothing
        { "scoped", "app4", "topic1", ScopeOperation.Publish, true },      // not listed: unrestricted
        { "scoped", "app4", "protected1", ScopeOperation.Publish, false }, // protected needs an entry
        { "scoped", "app1", "protected1", ScopeOperation.Publish, false }, // an entry for other topics is not enough
        { "scoped", "app5", "protected1", ScopeOperation.Publish, true },  // explicit entry for the protected topic
        { "scoped", "app6", "t2", ScopeOperation.Publish, true },          // spaces are stripped
        { "scoped", "App1", "topic1", ScopeOperation.Publish, true },      // app IDs are case-sensitive: App1 is not listed
        { "scoped", "app1", "Topic1", ScopeOperation.Publish, false },     // topics are case-sensitive
        { "scoped", "app1", "topic1", ScopeOperation.Subscribe, true },    // key lookup ignores case (SUBSCRIPTIONSCOPES)
        { "scoped", "app1", "topic2", ScopeOperation.Subscribe, false },
        { "scoped", "app2", "topic3", ScopeOperation.Subscribe, false },   // publishingScopes do not grant subscribing
        { "scoped", "app3", "topic9", ScopeOperation.Subscribe, false },
        { "scoped", "app4", "topic9", ScopeOperation.Subscribe, true },
        { "scoped", "app4", "protected1", ScopeOperation.Subscribe, false },
        { "allowlist", "app4", "a", ScopeOperation.Publish, true },        // in allowedTopics
        { "allowlist", "app4", "c", ScopeOperation.Publish, false },       // not in allowedTopics
        { "allowlist", "app1", "b", ScopeOperation.Publish, true },        // in both lists
        { "allowlist", "app1", "a", ScopeOperation.Publish, false },       // allowed, but not in its scope
        { "allowlist", "app4", "c", ScopeOperation.Subscribe, false },     // allowedTopics covers subscribing too
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task HttpPathAndScopesCheck_DecideTheSame(string pubsub, string appId, string topic, ScopeOperation operation, bool allowed)
    {
        var stdout = new StringWriter();
        var exitCode = ScopesCommand.Run(fixture.Gateway.ResourcesDirectory, "default", appId, pubsub, topic, operation, stdout, new StringWriter());
        Assert.Equal(allowed ? 0 : ScopesCommand.Denied, exitCode);
        Assert.StartsWith(allowed ? """{"allowed":true,"reason":""" : """{"allowed":false,"reason":""", stdout.ToString(), StringComparison.Ordinal);

        if (operation == ScopeOperation.Publish)
        {
            using var client = fixture.Gateway.ClientFor(appId);
            using var response = await client.PostAsync($"/v1.0/publish/{pubsub}/{topic}", new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(allowed ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, response.StatusCode);
        }
        else
        {
            var statuses = fixture.Gateway.App.Services.GetRequiredService<SubscriptionManager>().Statuses;
            var status = statuses.Single(s => s.App.AppId == appId && s.Definition.PubsubName == pubsub && s.Definition.Topic == topic);
            Assert.Equal(allowed ? SubscriptionState.Running : SubscriptionState.Denied, status.State);
        }
    }

    [Fact]
    public async Task DeniedPublish_IsOneStructuredAuditEventAndCounted()
    {
        var topic = "audit-" + Guid.NewGuid().ToString("N");
        long denials = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "gateway.scope.denials")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref denials, value));
        listener.Start();
        using var client = fixture.Gateway.ClientFor("app4");

        using var response = await client.PostAsync($"/v1.0/publish/allowlist/{topic}", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var audit = Assert.Single(fixture.Gateway.Logs.Events, e => e.EventId == 1001 && e.Properties.GetValueOrDefault("Topic") == topic);
        Assert.Equal("app4", audit.Properties["AppId"]);
        Assert.Equal("spiffe://public/ns/default/app4", audit.Properties["SpiffeId"]);
        Assert.Equal("default", audit.Properties["Namespace"]);
        Assert.Equal("allowlist", audit.Properties["Pubsub"]);
        Assert.Equal("publish", audit.Properties["Operation"]);
        Assert.Equal($"topic '{topic}' is not in allowedTopics", audit.Properties["Reason"]);
        Assert.Equal(1, Interlocked.Read(ref denials));
    }

    [Fact]
    public async Task ComponentScopedToAnotherApp_DoesNotExistForTheCaller()
    {
        using var client = fixture.Gateway.ClientFor("app2");

        using var response = await client.PostAsync("/v1.0/publish/only-app1/topic1", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, ScopesCommand.Run(fixture.Gateway.ResourcesDirectory, "default", "app2", "only-app1", "topic1", ScopeOperation.Publish, new StringWriter(), new StringWriter()));
        Assert.Equal(0, ScopesCommand.Run(fixture.Gateway.ResourcesDirectory, "default", "app1", "only-app1", "topic1", ScopeOperation.Publish, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public async Task CallerInAnotherNamespace_DoesNotSeeTheComponent()
    {
        using var client = fixture.Gateway.ClientFor("app1", "prod");

        using var response = await client.PostAsync("/v1.0/publish/scoped/topic1", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
