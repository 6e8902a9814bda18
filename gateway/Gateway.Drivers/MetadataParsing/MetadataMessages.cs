namespace Gateway.Drivers.MetadataParsing;

/// <summary>
/// Every message about component metadata, in one shape for every driver:
/// <c>metadata 'consumeRetryInterval' requires a duration such as '100ms' or '1m'; the value 'abc' is not recognised.</c>
/// Values of secret keys are never repeated.
/// </summary>
public static class MetadataMessages
{
    /// <summary>Longest value repeated in a message; longer ones (PEM blocks) are cut.</summary>
    private const int ShownValueLength = 60;

    /// <summary>A value that cannot be right.</summary>
    public static string Unrecognised(string key, string requirement, string value, bool isSecret) =>
        isSecret
            ? $"metadata '{key}' requires {requirement}; the value (not shown, it is a secret) is not recognised."
            : $"metadata '{key}' requires {requirement}; the value '{Shorten(value)}' is not recognised.";

    /// <summary>A required key that is absent.</summary>
    public static string Required(string key, string requirement) => $"metadata '{key}' is required: {requirement}.";

    /// <summary>A key given twice under spellings that differ only in case.</summary>
    public static string Repeated(string key, string firstSpelling) =>
        $"metadata '{key}' repeats '{firstSpelling}' (keys are compared case-insensitively); keep one of them.";

    /// <summary>A key nobody knows for this component type; <paramref name="nearest"/> is the closest known key, if any is close.</summary>
    public static string Unknown(string key, string componentType, string? nearest, IReadOnlyList<MetadataKey> known) =>
        nearest is not null
            ? $"metadata '{key}' is not a {componentType} setting and has no effect; did you mean '{nearest}'?"
            : known.Count <= 12
                ? $"metadata '{key}' is not a {componentType} setting and has no effect; the known keys are {string.Join(", ", known.Select(k => $"'{k.Name}'"))}."
                : $"metadata '{key}' is not a {componentType} setting and has no effect; docs/configuration.md lists the known keys.";

    /// <summary>A key Dapr documents that does nothing here.</summary>
    public static string Accepted(string key, string reason) => $"metadata '{key}' is accepted but has no effect here: {reason}";

    /// <summary>An older name that is still honoured.</summary>
    public static string Deprecated(string key, string replacedBy) =>
        $"metadata '{key}' is deprecated (as in Dapr); use '{replacedBy}' instead. It is honoured for now.";

    /// <summary>Prefixes a message with the component it belongs to.</summary>
    public static string ForComponent(string componentName, string componentType, string message) =>
        $"component '{componentName}' ({componentType}): {message}";

    /// <summary>One line per error of <paramref name="problems"/> (warnings are left out), each naming the component.</summary>
    public static string InvalidMetadata(string componentName, string componentType, IEnumerable<MetadataProblem> problems) =>
        string.Join(Environment.NewLine, problems.Where(p => p.IsError).Select(p => ForComponent(componentName, componentType, p.Message)));

    private static string Shorten(string value) => value.Length <= ShownValueLength ? value : value[..ShownValueLength] + "...";
}
