using Gateway.Drivers;
using Gateway.Resources.Validation;
using Gateway.Secrets;
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
            context.Skipped(root, $"the document is {YamlValues.Describe(root)}, not a resource, so it is skipped (as Dapr skips it); remove it, or write a mapping with apiVersion, kind, metadata and spec");
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
            case ResourceKinds.Component when YamlValues.PeekText(header.Root.Node, "spec", "type") is { } type && SecretStoreTypes.IsSupported(type):
                if (SecretStoreParser.Parse(header, type) is { } store)
                {
                    parsed.SecretStores.Add(store);
                }

                break;
            case ResourceKinds.Component when componentParser.Parse(header) is { } component:
                parsed.ComponentDrafts.Add(component);
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

    /// <summary>
    /// Skipped with a warning, as Dapr skips them: documents without apiVersion or kind, Dapr kinds the gateway
    /// does not use, and components that are neither pub/sub nor a secret store the gateway reads (their names
    /// are kept, so a component that names such a store is told why it cannot read from it).
    /// </summary>
    private bool IsSkipped(YamlMappingNode mapping, DocumentContext context)
    {
        var missing = new[] { "apiVersion", "kind" }.Where(field => string.IsNullOrWhiteSpace(YamlValues.PeekText(mapping, field))).ToList();
        if (missing.Count > 0 && missing.All(field => YamlValues.Peek(mapping, field) is null || YamlValues.IsNull(YamlValues.Peek(mapping, field)!)))
        {
            context.Skipped(mapping, $"the document has no {string.Join(" and no ", missing)}, so it is not a resource and is skipped (as Dapr skips it); add them, or move it out of the resources folder");
            return true;
        }

        if (context.Kind is { } kind && ResourceKinds.Ignored.Contains(kind))
        {
            context.Skipped(mapping, $"kind '{kind}' is ignored: the gateway only reads pub/sub resources");
            return true;
        }

        if (context.Kind == ResourceKinds.Component
            && YamlValues.PeekText(mapping, "spec", "type") is { } type
            && !type.StartsWith(PubSubTypePrefix, StringComparison.Ordinal)
            && !SecretStoreTypes.IsSupported(type))
        {
            if (SecretStoreTypes.IsSecretStore(type) && context.Name is { } name)
            {
                var resourceNamespace = YamlValues.PeekText(mapping, "metadata", "namespace") ?? ResourceHeader.DefaultNamespace;
                parsed.SkippedSecretStores[(resourceNamespace, name)] = type;
                context.Skipped(mapping, $"secret store type '{type}' is not one the gateway reads ({string.Join(", ", SecretStoreTypes.Supported)}), so it skips this component");
            }
            else
            {
                context.Skipped(mapping, $"component type '{type}' is not pub/sub, so the gateway skips this component");
            }

            return true;
        }

        return false;
    }
}
