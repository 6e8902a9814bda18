namespace Gateway.Resources;

/// <summary>An <c>App</c> (<c>gateway/v1alpha1</c>): where an app receives deliveries.</summary>
/// <param name="AppId"><c>spec.appId</c>, default <c>metadata.name</c>; unique per namespace.</param>
/// <param name="BaseUrl"><c>spec.baseUrl</c>: absolute https URL (http only with <paramref name="AllowInsecure"/>), no query or fragment.</param>
/// <param name="SpiffeId"><c>spec.spiffeId</c>; null means derive it from trust domain, namespace and app ID.</param>
/// <param name="AllowInsecure"><c>spec.allowInsecure</c>: permits an http base URL. Default false.</param>
/// <param name="MaxConcurrency"><c>spec.maxConcurrency</c>: deliveries in flight to this app at once; default 16.</param>
/// <param name="Protocol"><c>spec.protocol</c>: <c>http</c> (default) or <c>grpc</c>.</param>
internal sealed record AppSpec(
    string Name,
    string Namespace,
    string AppId,
    string BaseUrl,
    string? SpiffeId,
    bool AllowInsecure,
    int MaxConcurrency,
    ResourceLocation Location,
    AppProtocol Protocol = AppProtocol.Http)
{
    public const int DefaultMaxConcurrency = 16;
}
