using Gateway.Drivers;
using Gateway.Resources.Validation;
using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Reads one YAML document: decides what it is, then hands its spec to the parser of its kind.</summary>
internal sealed class ResourceDocumentParser(IReadOnlyDictionary<string, IPubSubDriverFactory> driverFactories, ParsedResources parsed)
{
    private const string PubSubTypePrefix = "pubsub.";

    private readonly ComponentParser componentParser = new(driverFactories);

    public void Parse(YamlNode root, DocumentContext context)
    {
        if (YamlValues.IsNull(root))
        {
            return;
        }

        if (root is not YamlMappingNode mapping)
        {
            context.Error(root, $"the document is {YamlValues.Describe(root)}, not a resource; write a mapping with apiVersion, kind, metadata and spec");
            return;
        }

        context.Kind = YamlValues.PeekText(mapping, "kind");
        context.Name = YamlValues.PeekText(mapping, "metadata", "name");
        if (IsSkipped(mapping, context))
        {
            return;
        }

        var header = ResourceHeaderParser.Parse(mapping, context);
        if (header.Kind is null)
        {
            return;
        }

        if (!ResourceKinds.AcceptedVersions.TryGetValue(header.Kind, out var versions))
        {
            context.Error(header.Root.LineOf("kind"), ResourceKinds.UnknownKindMessage(header.Kind));
            return;
        }

        if (header.Name is not null)
        {
            parsed.Declarations.Add(new DeclaredResource(header.Kind, header.Namespace, header.Name, header.Location));
        }

        if (header.ApiVersion is null)
        {
            return;
        }

        if (!versions.Contains(header.ApiVersion, StringComparer.Ordinal))
        {
            context.Error(header.Root.LineOf("apiVersion"), $"apiVersion '{header.ApiVersion}' is not accepted for {header.Kind}; use {string.Join(" or ", versions)}");
            return;
        }

        ParseSpec(header, header.Kind, header.ApiVersion);
    }

    private void ParseSpec(ResourceHeader header, string kind, string apiVersion)
    {
        switch (kind)
        {
            case ResourceKinds.Component when componentParser.Parse(header) is { } component:
                parsed.Components.Add(component);
                break;
            case ResourceKinds.Subscription when SubscriptionParser.Parse(header, apiVersion) is { } subscription:
                var line = YamlValues.Peek(header.Root.Node, "spec", "pubsubname") is { } node ? DocumentContext.LineOf(node) : header.Location.Line;
                parsed.Subscriptions.Add((subscription, line));
                break;
            case ResourceKinds.App when AppParser.Parse(header) is { } app:
                if (header.Scopes.Count > 0)
                {
                    header.Root.Context.Warning(header.Root.LineOf("scopes"), "'scopes' has no effect on an App; remove it");
                }

                parsed.Apps.Add(app);
                break;
            case ResourceKinds.Resiliency when ResiliencyParser.Parse(header) is { } resiliency:
                parsed.Resiliencies.Add(resiliency);
                break;
        }
    }

    /// <summary>Dapr kinds and non-pub/sub components that the gateway does not use are skipped with a warning.</summary>
    private static bool IsSkipped(YamlMappingNode mapping, DocumentContext context)
    {
        if (context.Kind is { } kind && ResourceKinds.Ignored.Contains(kind))
        {
            context.Warning(mapping, $"kind '{kind}' is ignored: the gateway only reads pub/sub resources");
            return true;
        }

        if (context.Kind == ResourceKinds.Component
            && YamlValues.PeekText(mapping, "spec", "type") is { } type
            && !type.StartsWith(PubSubTypePrefix, StringComparison.Ordinal))
        {
            context.Warning(mapping, $"component type '{type}' is not pub/sub, so the gateway skips this component");
            return true;
        }

        return false;
    }
}
