namespace Gateway.Tests.Resources.Validation;

/// <summary>An in-memory component with one metadata entry, for the marker rules (the entry is on line 9).</summary>
internal static class MarkerYaml
{
    public static string Component(string name, string value) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          metadata:
            - name: {name}
              value: "{value}"
        """;
}
