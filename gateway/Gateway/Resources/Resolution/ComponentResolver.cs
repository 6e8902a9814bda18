using Gateway.Resources.Markers;
using Gateway.Resources.Parsing;
using Gateway.Resources.Validation;
using Gateway.Secrets;

namespace Gateway.Resources.Resolution;

/// <summary>
/// Turns a Component as read into a <see cref="ComponentSpec"/>: every <c>secretKeyRef</c> takes its value from
/// the store <c>auth.secretStore</c> names (else <see cref="SecretStoreTypes.DefaultStoreName"/>, as Dapr on
/// Kubernetes) in the component's namespace, every <c>envRef</c> from the gateway's environment; then the
/// driver checks the metadata as it will receive it (markers of the gateway's own keys resolved). A value that
/// cannot be fetched is an error naming the store, secret and key; no message ever carries a fetched value.
/// </summary>
internal sealed class ComponentResolver(
    IReadOnlyDictionary<(string Namespace, string Name), ISecretStore> stores,
    ParsedResources parsed,
    Func<string, string?> environment,
    LoadDiagnostics diagnostics)
{
    // What {podName} and {uuid} stand for while checking: the real values exist only on a running replica.
    private static readonly MarkerValues CheckValues = new(MarkerValues.ProcessAppId, "default", "pod-name", () => Guid.Empty.ToString());

    public ComponentSpec? Resolve(ComponentDraft draft)
    {
        var metadata = new List<KeyValuePair<string, string>>(draft.Items.Count);
        var fetched = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var failed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in draft.Items)
        {
            if (!item.IsReference)
            {
                metadata.Add(KeyValuePair.Create(item.Name, item.Value));
                continue;
            }

            var (value, source) = item.SecretRef is { } reference ? FromStore(draft, item, reference) : FromEnvironment(draft, item);
            if (value is null)
            {
                failed.Add(item.Name);
                continue;
            }

            metadata.Add(KeyValuePair.Create(item.Name, value));
            fetched[item.Name] = source;
        }

        // The driver still checks the rest, so every problem shows in one run; what it would say about the
        // entries without a value (missing, required) is already said better above.
        Check(draft, metadata, fetched, failed);
        if (failed.Count > 0)
        {
            return null;
        }

        return new ComponentSpec(draft.Name, draft.Namespace, draft.Type, draft.Version, metadata, draft.Scopes, draft.Location)
        {
            SecretKeys = new HashSet<string>(fetched.Keys, StringComparer.OrdinalIgnoreCase),
        };
    }

    private (string? Value, string Source) FromStore(ComponentDraft draft, ComponentMetadataItem item, SecretKeyRef reference)
    {
        var storeName = draft.SecretStore ?? SecretStoreTypes.DefaultStoreName;
        var source = $"secret store '{storeName}' (secret '{reference.Name}', key '{reference.Key}')";
        if (stores.TryGetValue((draft.Namespace, storeName), out var store))
        {
            var lookup = store.Find(reference.Name, reference.Key);
            if (lookup.Value is null)
            {
                diagnostics.AddError(draft.Problem(reference.Line, $"metadata '{item.Name}': secret store '{storeName}' ({store.Description}): {lookup.Problem}"));
            }

            return (lookup.Value, source);
        }

        diagnostics.AddError(draft.Problem(reference.Line, $"metadata '{item.Name}' takes its value from {source}, but {WhyNoStore(draft, storeName)}"));
        return (null, source);
    }

    private (string? Value, string Source) FromEnvironment(ComponentDraft draft, ComponentMetadataItem item)
    {
        var variable = item.EnvRef!;
        var lookup = new LocalEnvSecretStore("", environment).Find(variable, variable);
        if (lookup.Value is null)
        {
            diagnostics.AddError(draft.Problem(item.Line, $"metadata '{item.Name}' (envRef): {lookup.Problem}"));
        }

        return (lookup.Value, $"environment variable '{variable}'");
    }

    private string WhyNoStore(ComponentDraft draft, string storeName)
    {
        if (parsed.SkippedSecretStores.TryGetValue((draft.Namespace, storeName), out var type))
        {
            return $"that store is of type '{type}', which the gateway does not read; use {string.Join(" or ", SecretStoreTypes.Supported)}";
        }

        if (parsed.SecretStores.Any(store => store.Namespace == draft.Namespace && store.Name == storeName))
        {
            return "that store did not load (see its error)";
        }

        var known = parsed.SecretStores.Where(store => store.Namespace == draft.Namespace).Select(store => store.Name).ToList();
        var defaultNote = draft.SecretStore is null
            ? $"the component has no 'auth.secretStore', so the default store '{storeName}' is used (as Dapr does on Kubernetes), and "
            : "";
        var listing = known.Count == 0
            ? $"namespace '{draft.Namespace}' has no secret store of a type the gateway reads ({string.Join(", ", SecretStoreTypes.Supported)})"
            : $"namespace '{draft.Namespace}' has no secret store named '{storeName}'; its secret stores are: {string.Join(", ", known)}";
        return $"{defaultNote}{listing}; set 'auth.secretStore' or define that store";
    }

    /// <summary>The driver's check of the metadata as the driver gets it; fetched values never reach a message.</summary>
    private void Check(ComponentDraft draft, List<KeyValuePair<string, string>> metadata, Dictionary<string, string> fetched, HashSet<string> unfetched)
    {
        var values = metadata.ToDictionary(
            pair => pair.Key,
            pair => AppOwnedKeys.Contains(pair.Key) ? pair.Value : MetadataMarkers.Resolve(pair.Value, CheckValues with { Namespace = draft.Namespace }),
            StringComparer.OrdinalIgnoreCase);
        foreach (var problem in draft.Factory.Validate(values).Where(problem => !unfetched.Contains(problem.Key)))
        {
            var item = draft.Items.FirstOrDefault(entry => string.Equals(entry.Name, problem.Key, StringComparison.OrdinalIgnoreCase));
            var line = item?.Line ?? draft.MetadataLine;
            // Drivers that use the shared metadata helper already start with "metadata 'key'".
            var message = problem.Message.StartsWith($"metadata '{problem.Key}'", StringComparison.Ordinal)
                ? problem.Message
                : $"metadata '{problem.Key}': {problem.Message}";
            message = SecretRedaction.Apply(message, metadata.Where(pair => fetched.ContainsKey(pair.Key)).Select(pair => (pair.Value, fetched[pair.Key])));
            if (problem.IsError)
            {
                diagnostics.AddError(draft.Problem(line, message));
            }
            else
            {
                diagnostics.AddWarning(draft.Problem(line, message));
            }
        }
    }
}
