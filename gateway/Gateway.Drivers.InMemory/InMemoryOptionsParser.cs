using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.InMemory;

/// <summary>
/// Turns component metadata into <see cref="InMemoryOptions"/> through <see cref="InMemoryMetadataSchema.Table"/>,
/// collecting every problem instead of stopping at the first. Never throws on bad input.
/// </summary>
internal static class InMemoryOptionsParser
{
    public static InMemoryOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems)
    {
        var options = new InMemoryOptions();
        problems = InMemoryMetadataSchema.Table.Read(metadata, entry => Apply(options, entry)).Problems;
        return options;
    }

    private static void Apply(InMemoryOptions options, MetadataEntry entry)
    {
        switch (entry.Name)
        {
            case InMemoryOptions.MaxPendingMessagesKey when entry.TryInteger(1, int.MaxValue, out int bound):
                options.MaxPendingMessages = bound;
                break;
            case InMemoryOptions.RedeliveryDelayKey when entry.TryDuration(DurationForm.GoDuration, allowZero: true, out var delay):
                options.RedeliveryDelay = delay;
                break;
        }
    }
}
