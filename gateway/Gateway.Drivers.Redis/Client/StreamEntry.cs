namespace Gateway.Drivers.Redis.Client;

/// <summary>One stream entry: its ID and its field/value pairs in stored order.</summary>
internal sealed record StreamEntry(string Id, IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> Fields)
{
    /// <summary>The value of the first field called <paramref name="name"/>, or null when there is none.</summary>
    public ReadOnlyMemory<byte>? Field(string name)
    {
        foreach (var (key, value) in Fields)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }
}
