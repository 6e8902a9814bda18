namespace Gateway.Scopes.Tests;

/// <summary>Builds component metadata name/value pairs in declaration order.</summary>
internal static class TestMetadata
{
    public static List<KeyValuePair<string, string>> Of(params (string Name, string Value)[] entries) =>
        entries.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)).ToList();

    public static TopicScopes Scopes(params (string Name, string Value)[] entries) =>
        TopicScopes.Parse(Of(entries));
}
