namespace Gateway.Resources;

/// <summary>An app as the gateway tells apps apart: namespace and app ID.</summary>
internal readonly record struct AppKey(string Namespace, string AppId)
{
    public override string ToString() => $"{Namespace}/{AppId}";
}
