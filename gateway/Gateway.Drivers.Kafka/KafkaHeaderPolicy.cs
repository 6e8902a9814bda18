using System.Text.RegularExpressions;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// How publish metadata becomes record headers and record headers become delivery metadata:
/// <c>excludeHeaderMetaRegex</c> keeps matching names out both ways; <c>escapeHeaders</c> URL-escapes
/// header values (and <c>__key</c>) on the way to the app, as Dapr does.
/// </summary>
/// <param name="Exclude">Names that are neither written as headers nor delivered as metadata; null for none.</param>
/// <param name="Escape">URL-escape values delivered as metadata.</param>
internal sealed record KafkaHeaderPolicy(Regex? Exclude, bool Escape)
{
    /// <summary>Every entry travels unchanged.</summary>
    public static KafkaHeaderPolicy None { get; } = new(null, false);

    public bool Excludes(string name) => Exclude?.IsMatch(name) == true;

    public string Deliver(string value) => Escape ? Uri.EscapeDataString(value) : value;
}
