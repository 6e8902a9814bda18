namespace Gateway.Tests.Resources;

/// <summary>Small valid resources that tests combine and then break one field at a time.</summary>
internal static class ResourceYaml
{
    public const string InMemoryComponent = """
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          metadata:
            - name: maxPendingMessages
              value: 100
        """;

    public static string Subscription(string spec) => $"""
        apiVersion: dapr.io/v2alpha1
        kind: Subscription
        metadata:
          name: orders-sub
        spec:
        {Indent(spec)}
        """;

    public static string App(string spec) => $"""
        apiVersion: gateway/v1alpha1
        kind: App
        metadata:
          name: orders
        spec:
        {Indent(spec)}
        """;

    public static string Resiliency(string spec) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: resiliency
        spec:
        {Indent(spec)}
        """;

    /// <summary>Joins documents into one multi-document YAML text.</summary>
    public static string Documents(params string[] documents) => string.Join("\n---\n", documents);

    private static string Indent(string block) =>
        string.Join("\n", block.Split('\n').Select(line => "  " + line));
}
