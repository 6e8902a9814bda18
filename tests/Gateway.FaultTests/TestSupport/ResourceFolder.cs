using Gateway.Tests.TestSupport;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// A temporary folder with one component, the subscriber App and one Subscription (the shared test assets):
/// what a fault test hands to <c>gateway run --resources-path</c>. It also serves as the gateway's working directory.
/// </summary>
internal sealed class ResourceFolder : IDisposable
{
    public const string ComponentName = "pubsub";

    private ResourceFolder(string directory, string topic)
    {
        Directory = directory;
        Topic = topic;
    }

    public string Directory { get; }

    public string ResourcesDirectory => Path.Combine(Directory, "resources");

    public string Topic { get; }

    /// <summary>The publish path for this folder's topic.</summary>
    public string PublishPath => $"/v1.0/publish/{ComponentName}/{Topic}";

    /// <param name="component">The YAML of a component named <see cref="ComponentName"/>.</param>
    public static ResourceFolder Write(string component, Uri subscriber, string topic, string consumerGroup)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gateway-faults-").FullName;
        var resources = new ResourceFolder(directory, topic);
        System.IO.Directory.CreateDirectory(resources.ResourcesDirectory);
        var yaml = TestAssets.Join(
            component,
            TestAssets.Yaml("apps/app.yaml", new { name = FaultPki.SubscriberAppId, baseUrl = subscriber }),
            TestAssets.Yaml("subscriptions/scoped-consumer-group.yaml", new
            {
                name = "faults", pubsub = ComponentName, topic, route = "/events", consumerGroup, app = FaultPki.SubscriberAppId,
            }));
        File.WriteAllText(Path.Combine(resources.ResourcesDirectory, "resources.yaml"), yaml);
        return resources;
    }

    /// <summary>A name no other test run uses, for topics and groups.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
