namespace Gateway.QuickBench;

/// <summary>The resources the benchmark's gateway runs with: one component per driver, each with a subscribed latency topic.</summary>
internal static class BenchResources
{
    public const string ThroughputTopic = "throughput";
    public const string LatencyTopic = "latency";

    public static readonly string[] Components = ["memory", "redis", "kafka"];

    public static string Write(string directory, string redisAddress, string kafkaBootstrap, Uri subscriber)
    {
        var folder = Path.Combine(directory, "resources");
        Directory.CreateDirectory(folder);
        var yaml = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: memory
            spec:
              type: pubsub.in-memory
              version: v1
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: redis
            spec:
              type: pubsub.redis
              version: v1
              metadata:
              - name: redisHost
                value: "{redisAddress}"
            ---
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: kafka
            spec:
              type: pubsub.kafka
              version: v1
              metadata:
              - name: brokers
                value: "{kafkaBootstrap}"
              - name: authType
                value: none
              - name: initialOffset
                value: oldest
            ---
            apiVersion: gateway/v1alpha1
            kind: App
            metadata:
              name: subscriber
            spec:
              baseUrl: {subscriber.ToString().TrimEnd('/')}

            """;
        foreach (var component in Components)
        {
            yaml += $"""
                ---
                apiVersion: dapr.io/v2alpha1
                kind: Subscription
                metadata:
                  name: latency-{component}
                spec:
                  pubsubname: {component}
                  topic: {LatencyTopic}
                  routes:
                    default: /{component}

                """;
        }

        File.WriteAllText(Path.Combine(folder, "resources.yaml"), yaml);
        return folder;
    }
}
