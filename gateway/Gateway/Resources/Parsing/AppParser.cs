namespace Gateway.Resources.Parsing;

/// <summary>Reads the <c>spec</c> of an <c>App</c>: where and how the gateway delivers to it.</summary>
internal static class AppParser
{
    private static readonly string[] SpecFields = ["appId", "baseUrl", "spiffeId", "allowInsecure", "maxConcurrency", "protocol"];

    public static AppSpec? Parse(ResourceHeader header)
    {
        var spec = header.Spec(SpecFields, "add 'spec:' with at least 'baseUrl:'");
        if (spec is null)
        {
            return null;
        }

        var appId = spec.Has("appId") ? spec.RequiredString("appId", "remove it to use metadata.name") : header.Name;
        if (appId is not null && (appId.Contains('/') || appId.Any(char.IsWhiteSpace)))
        {
            spec.Context.Error(spec.LineOf("appId"), $"'spec.appId' is '{appId}', which is not a valid app ID; use letters, digits, '-', '_' or '.', without '/' or spaces");
            appId = null;
        }

        var allowInsecure = spec.Bool("allowInsecure") ?? false;
        var baseUrl = spec.RequiredString("baseUrl", "set it to the app's address, such as https://orders.internal:8443");
        if (baseUrl is not null && !IsUsableBaseUrl(baseUrl, allowInsecure, spec))
        {
            baseUrl = null;
        }

        var spiffeId = spec.String("spiffeId");
        if (spiffeId is not null && !spiffeId.StartsWith("spiffe://", StringComparison.Ordinal))
        {
            spec.Context.Error(spec.LineOf("spiffeId"), $"'spec.spiffeId' is '{spiffeId}', but a SPIFFE ID starts with 'spiffe://'; write it as spiffe://<trust-domain>/<path> or remove it to use the default");
            spiffeId = null;
        }

        var maxConcurrency = spec.Int("maxConcurrency", minimum: 1) ?? AppSpec.DefaultMaxConcurrency;
        var protocol = spec.String("protocol") switch
        {
            null or "http" => AppProtocol.Http,
            "grpc" => AppProtocol.Grpc,
            var other => Unknown(other),
        };
        if (header.Name is null || appId is null || baseUrl is null || protocol is null)
        {
            return null;
        }

        return new AppSpec(header.Name, header.Namespace, appId, baseUrl, spiffeId, allowInsecure, maxConcurrency, header.Location, protocol.Value);

        AppProtocol? Unknown(string value)
        {
            spec.Context.Error(spec.LineOf("protocol"), $"'spec.protocol' is '{value}'; use 'http' (the default) or 'grpc' (Dapr's AppCallback; TLS follows the baseUrl scheme)");
            return null;
        }
    }

    private static bool IsUsableBaseUrl(string baseUrl, bool allowInsecure, MappingReader spec)
    {
        var line = spec.LineOf("baseUrl");
        string? problem = null;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            problem = "is not an absolute URL; write it as https://host:port or https://host:port/base-path";
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !allowInsecure)
        {
            problem = "uses http, which sends events unencrypted and without identity checks; use https, or set 'spec.allowInsecure: true' if this is intended";
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            problem = $"uses the scheme '{uri.Scheme}'; use https";
        }
        else if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || baseUrl.Contains('?') || baseUrl.Contains('#'))
        {
            problem = "has a query or fragment; remove everything from '?' or '#' on";
        }
        else if (uri.UserInfo.Length > 0)
        {
            problem = "contains a user name or password; remove it, the gateway authenticates with its certificate";
        }

        if (problem is not null)
        {
            // A URL with credentials is not echoed, so the password stays out of logs.
            var shown = uri?.UserInfo.Length > 0 ? string.Empty : $" '{baseUrl}'";
            spec.Context.Error(line, $"'spec.baseUrl'{shown} {problem}");
        }

        return problem is null;
    }
}
