namespace Gateway.Drivers.MetadataParsing;

/// <summary>The problems of one <see cref="MetadataTable.Read"/>, and which keys it saw under which spelling.</summary>
public sealed class MetadataReading
{
    private readonly List<MetadataProblem> _problems = [];
    private readonly Dictionary<string, string> _written = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every problem, errors and warnings, in the order found.</summary>
    public IReadOnlyList<MetadataProblem> Problems => _problems;

    /// <summary>True when at least one problem stops the component from loading.</summary>
    public bool HasErrors => _problems.Any(p => p.IsError);

    /// <summary>True when the metadata has the key <paramref name="name"/> (any case).</summary>
    public bool Has(string name) => _written.ContainsKey(name);

    /// <summary>The spelling the metadata used for <paramref name="name"/>, else <paramref name="name"/> itself.</summary>
    public string Written(string name) => _written.GetValueOrDefault(name, name);

    /// <summary>An error about <paramref name="name"/> (reported under the spelling used).</summary>
    public void Error(string name, string message) => _problems.Add(new MetadataProblem(Written(name), message));

    /// <summary>A warning about <paramref name="name"/> (reported under the spelling used).</summary>
    public void Warning(string name, string message) => _problems.Add(new MetadataProblem(Written(name), message, MetadataSeverity.Warning));

    /// <summary>An error when <paramref name="name"/> is absent; <paramref name="requirement"/> says what to set.</summary>
    public void Require(string name, string requirement)
    {
        if (!Has(name))
        {
            Error(name, MetadataMessages.Required(name, requirement));
        }
    }

    /// <summary>A problem reported under <paramref name="written"/> exactly.</summary>
    internal void Add(string written, string message, MetadataSeverity severity) => _problems.Add(new MetadataProblem(written, message, severity));

    /// <summary>Records that <paramref name="name"/> was given as <paramref name="written"/>; false when it already was.</summary>
    internal bool MarkSeen(string name, string written) => _written.TryAdd(name, written);
}
