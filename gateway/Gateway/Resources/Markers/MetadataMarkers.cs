namespace Gateway.Resources.Markers;

/// <summary>
/// Dapr's markers in component metadata values: <c>{appID}</c>, <c>{namespace}</c>, <c>{podName}</c> and
/// <c>{uuid}</c>, written exactly so (Dapr's match is case-sensitive). Dapr replaces them in every value when a
/// sidecar initialises a component; the gateway replaces them where the value belongs: per subscribing app for
/// the consumer-group keys (<see cref="AppOwnedKeys"/>), per gateway replica for every other key.
/// </summary>
internal static class MetadataMarkers
{
    public const string AppId = "{appID}";
    public const string Namespace = "{namespace}";
    public const string PodName = "{podName}";
    public const string Uuid = "{uuid}";

    /// <summary>Every marker, in the order Dapr documents them.</summary>
    public static IReadOnlyList<string> All { get; } = [AppId, Namespace, PodName, Uuid];

    /// <summary>True when <paramref name="value"/> has at least one marker.</summary>
    public static bool HasAny(string value) => All.Any(marker => value.Contains(marker, StringComparison.Ordinal));

    /// <summary>
    /// Replaces every marker of <paramref name="template"/> in one pass from left to right. Text put in is never
    /// read again, so a value that itself looks like a marker (an app ID <c>a{podName}</c>) stays as it is;
    /// Dapr's repeated replacing would expand it. Each <c>{uuid}</c> gets a fresh UUID, as in Dapr.
    /// </summary>
    public static string Resolve(string template, MarkerValues values)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var result = new System.Text.StringBuilder(template.Length + 32);
        var index = 0;
        while (index < template.Length)
        {
            var marker = template[index] == '{' ? All.FirstOrDefault(m => string.CompareOrdinal(template, index, m, 0, m.Length) == 0) : null;
            if (marker is null)
            {
                result.Append(template[index]);
                index++;
                continue;
            }

            result.Append(marker switch
            {
                AppId => values.AppId,
                Namespace => values.DaprNamespace,
                PodName => values.PodName,
                _ => values.NewUuid(),
            });
            index += marker.Length;
        }

        return result.ToString();
    }

    /// <summary>
    /// Words in braces that are a marker in another case (<c>{appId}</c>, <c>{PodName}</c>): Dapr does not replace
    /// them, so they stay as written, which is almost never what the author meant.
    /// </summary>
    public static IEnumerable<(string Written, string Marker)> Misspellings(string value)
    {
        foreach (var marker in All)
        {
            var start = 0;
            while ((start = value.IndexOf(marker, start, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var written = value.Substring(start, marker.Length);
                if (!string.Equals(written, marker, StringComparison.Ordinal))
                {
                    yield return (written, marker);
                }

                start += marker.Length;
            }
        }
    }
}
