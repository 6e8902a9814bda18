using Gateway.Drivers;
using Gateway.Resources.Parsing;
using Gateway.Resources.Resolution;
using Gateway.Resources.Validation;

namespace Gateway.Resources;

/// <summary>
/// Loads a resources directory: every <c>*.yaml</c>/<c>*.yml</c> file below it, several
/// <c>---</c> documents per file, in ordinal order of the relative path (the manifest order).
/// Everything is checked before returning and every problem is reported in one go.
/// </summary>
internal static class ResourceLoader
{
    private static readonly IResourceSetRule[] Rules =
    [
        new DuplicateDefinitionRule(),
        new SubscriptionComponentRule(),
        new DuplicateAppIdRule(),
        new ResiliencyTargetRule(),
        new RouteExpressionRule(),
        new SubscriptionTopicRule(),
        new ResiliencyPolicyRule(),
        new MarkerSpellingRule(),
        new ConsumerGroupMarkerRule(),
        new ProcessKeyMarkerRule(),
        new NamespaceMarkerRule(),
    ];

    /// <param name="directory">The resources directory; file names in problems are relative to it.</param>
    /// <param name="driverFactories">The available drivers, keyed by component type such as <c>pubsub.redis</c>.</param>
    /// <param name="maxFileBytes">The largest file read (resources and secret files); a larger one is an error for that file.</param>
    /// <param name="environment">Reads an environment variable (<c>secretstores.local.env</c>, <c>envRef</c>); default the process's.</param>
    public static ResourceLoadResult Load(
        string directory,
        IReadOnlyDictionary<string, IPubSubDriverFactory> driverFactories,
        long maxFileBytes = ResourceFileReader.DefaultMaxBytes,
        Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var diagnostics = new LoadDiagnostics();
        if (!Directory.Exists(directory))
        {
            diagnostics.AddError(new ResourceError(directory, 0, null, null, "the resources directory does not exist; create it or point --resources-path at the folder that holds the YAML files"));
            return new ResourceLoadResult(null, diagnostics.SortedErrors(), []);
        }

        var parsed = new ParsedResources();
        var documentParser = new ResourceDocumentParser(driverFactories, parsed);
        foreach (var (fullPath, relativePath) in ResourceFiles.Find(directory))
        {
            var documents = YamlFileReader.Read(fullPath, relativePath, maxFileBytes, diagnostics);
            for (var index = 0; index < documents.Count; index++)
            {
                var context = new DocumentContext(relativePath, index + 1, diagnostics);
                documentParser.Parse(documents[index].RootNode, context);
                context.Complete();
            }
        }

        // Secrets and driver checks wait until every document is read: a store may be declared in a later file.
        var stores = SecretStoreLoader.Load(parsed, directory, maxFileBytes, environment, diagnostics);
        var resolver = new ComponentResolver(stores, parsed, environment, diagnostics);
        foreach (var draft in parsed.ComponentDrafts)
        {
            if (resolver.Resolve(draft) is { } component)
            {
                parsed.Components.Add(component);
            }
        }

        foreach (var rule in Rules)
        {
            rule.Check(parsed, diagnostics);
        }

        var errors = diagnostics.SortedErrors();
        var resources = errors.Count == 0 ? parsed.ToResourceSet() : null;
        return new ResourceLoadResult(resources, errors, diagnostics.SortedWarnings()) { SecretFiles = [.. parsed.SecretFiles] };
    }
}
