using Gateway.Drivers;
using System.Globalization;

namespace Gateway.Drivers.InMemory;

/// <summary>
/// Turns component metadata into <see cref="InMemoryOptions"/>, collecting one problem per bad key
/// instead of stopping at the first. Never throws on bad input.
/// </summary>
internal static class InMemoryOptionsParser
{
    public static InMemoryOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var options = new InMemoryOptions();
        var found = new List<MetadataProblem>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (key, value) in metadata)
        {
            if (RuntimeMetadataKeys.All.Contains(key))
            {
                continue;
            }

            var known = InMemoryMetadataSchema.Keys.FirstOrDefault(k => string.Equals(k.Name, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                found.Add(new MetadataProblem(key, InMemoryMessages.UnknownKey(key)));
                continue;
            }

            if (!seen.TryAdd(known.Name, key))
            {
                found.Add(new MetadataProblem(key, InMemoryMessages.RepeatedKey(key, seen[known.Name])));
                continue;
            }

            var problem = Apply(options, known.Name, key, value ?? string.Empty);
            if (problem is not null)
            {
                found.Add(problem);
            }
        }

        problems = found;
        return options;
    }

    private static MetadataProblem? Apply(InMemoryOptions options, string name, string writtenKey, string value)
    {
        switch (name)
        {
            case InMemoryOptions.MaxPendingMessagesKey:
                if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bound) && bound > 0)
                {
                    options.MaxPendingMessages = bound;
                    return null;
                }

                return new MetadataProblem(writtenKey, InMemoryMessages.Unrecognised(writtenKey, "a positive integer", value));

            case InMemoryOptions.RedeliveryDelayKey:
                if (GoDuration.TryParse(value.Trim(), out var delay) && delay >= TimeSpan.Zero)
                {
                    options.RedeliveryDelay = delay;
                    return null;
                }

                return new MetadataProblem(writtenKey, InMemoryMessages.Unrecognised(writtenKey, "a duration of zero or more, such as '500ms' or '1s'", value));

            default:
                throw new InvalidOperationException($"Metadata key '{name}' is in the schema but has no parser.");
        }
    }
}
