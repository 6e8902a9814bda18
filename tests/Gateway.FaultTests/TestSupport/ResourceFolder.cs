using System.Text;

namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// A temporary folder with one component, the subscriber App and one Subscription: what a fault test
/// hands to <c>gateway run --resources-path</c>. It also serves as the gateway's working directory.
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

    public static ResourceFolder Write(string componentType, IReadOnlyDictionary<string, string> metadata, Uri subscriber, string topic, string consumerGroup)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("gateway-faults-").FullName;
        var resources = new ResourceFolder(directory, topic);
        System.IO.Directory.CreateDirectory(resources.ResourcesDirectory);
        var yaml = new StringBuilder();
        yaml.Append($"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {ComponentName}
            spec:
              type: {componentType}
              version: v1
              metadata:

            """);
        foreach (var (name, value) in metadata)
        {
            yaml.Append($"  - name: {name}\n    value: \"{value}\"\n");
        }

        yaml.Append($"""
            ---
            apiVersion: gateway/v1alpha1
            kind: App
            metadata:
              name: {FaultPki.SubscriberAppId}
            spec:
              baseUrl: {subscriber.ToString().TrimEnd('/')}
            ---
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: faults
            spec:
              pubsubname: {ComponentName}
              topic: {topic}
              routes:
                default: /events
              metadata:
                consumerGroup: {consumerGroup}
            scopes:
            - {FaultPki.SubscriberAppId}

            """);
        File.WriteAllText(Path.Combine(resources.ResourcesDirectory, "resources.yaml"), yaml.ToString());
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
