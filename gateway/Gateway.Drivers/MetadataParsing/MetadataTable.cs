namespace Gateway.Drivers.MetadataParsing;

/// <summary>
/// A driver's key table and the one loop over component metadata that every driver uses. The policy,
/// the same for every driver and taken from Dapr's tolerance:
/// <list type="bullet">
/// <item>a key of the table is never a load error by itself: it is honoured, or accepted with a warning
/// that names it and says why it has no effect here, or honoured under its deprecated name with a warning;</item>
/// <item>a key nobody knows is a warning naming the nearest known key;</item>
/// <item>a value that cannot be right (a bad duration, an unknown choice, a number out of range) is an error,
/// and so is a key given twice.</item>
/// </list>
/// Keys in <see cref="RuntimeMetadataKeys.All"/> belong to the gateway and are skipped.
/// </summary>
public sealed class MetadataTable
{
    private readonly Dictionary<string, MetadataKey> _byName;

    /// <summary>Builds the table; names must be unique ignoring case.</summary>
    public MetadataTable(string componentType, IReadOnlyList<MetadataKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ComponentType = componentType;
        Keys = keys;
        _byName = new Dictionary<string, MetadataKey>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            if (!_byName.TryAdd(key.Name, key))
            {
                throw new ArgumentException($"The key table of {componentType} lists '{key.Name}' twice.", nameof(keys));
            }
        }
    }

    /// <summary>The component <c>spec.type</c> the table belongs to, for messages.</summary>
    public string ComponentType { get; }

    /// <summary>Every key, in documentation order.</summary>
    public IReadOnlyList<MetadataKey> Keys { get; }

    /// <summary>The row of <paramref name="name"/> (any case), or null.</summary>
    public MetadataKey? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Reads <paramref name="metadata"/>: every entry of an honoured or deprecated key is handed to
    /// <paramref name="apply"/>, which reads its value with the typed readers of <see cref="MetadataEntry"/>.
    /// Returns the problems found; the caller adds the checks that need several keys
    /// (<see cref="MetadataReading.Require"/>, <see cref="MetadataReading.Error"/>). Never throws on bad input.
    /// </summary>
    public MetadataReading Read(IReadOnlyDictionary<string, string> metadata, Action<MetadataEntry> apply)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var reading = new MetadataReading();
        foreach (var (written, value) in metadata ?? new Dictionary<string, string>())
        {
            if (RuntimeMetadataKeys.All.Contains(written))
            {
                continue;
            }

            if (Find(written) is not { } key)
            {
                var nearest = NearestKey.Find(written, Keys.Select(k => k.Name).Concat(RuntimeMetadataKeys.All));
                reading.Add(written, MetadataMessages.Unknown(written, ComponentType, nearest, Keys), MetadataSeverity.Warning);
                continue;
            }

            if (!reading.MarkSeen(key.Name, written))
            {
                reading.Add(written, MetadataMessages.Repeated(written, reading.Written(key.Name)), MetadataSeverity.Error);
                continue;
            }

            switch (key.Status)
            {
                case MetadataKeyStatus.Accepted:
                    reading.Add(written, MetadataMessages.Accepted(written, key.Reason ?? "the gateway does not use it."), MetadataSeverity.Warning);
                    break;
                case MetadataKeyStatus.Deprecated:
                    reading.Add(written, MetadataMessages.Deprecated(written, key.ReplacedBy ?? key.Name), MetadataSeverity.Warning);
                    apply(new MetadataEntry(key, written, value ?? string.Empty, reading));
                    break;
                default:
                    apply(new MetadataEntry(key, written, value ?? string.Empty, reading));
                    break;
            }
        }

        return reading;
    }
}
