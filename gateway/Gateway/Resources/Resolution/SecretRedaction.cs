namespace Gateway.Resources.Resolution;

/// <summary>
/// Keeps fetched secret values out of a driver's message. Drivers never repeat the value of a key they know
/// is secret, but a secret store may feed any key (a host, a user name); its value, where the message quotes
/// it, is replaced by where it came from.
/// </summary>
internal static class SecretRedaction
{
    // Shorter values are replaced only where quoted: unquoted, they could be any word of the message.
    private const int UnquotedMinimumLength = 8;

    /// <param name="secrets">Each fetched value with where it came from (<c>secret store 's' (secret 'n', key 'k')</c>).</param>
    public static string Apply(string message, IEnumerable<(string Value, string Source)> secrets)
    {
        foreach (var (value, source) in secrets.Where(secret => secret.Value.Length > 0).OrderByDescending(secret => secret.Value.Length))
        {
            message = message
                .Replace($"the value '{value}'", $"the value from {source}", StringComparison.Ordinal)
                .Replace($"'{value}'", $"(the value from {source})", StringComparison.Ordinal);
            if (value.Length >= UnquotedMinimumLength)
            {
                message = message.Replace(value, $"(the value from {source})", StringComparison.Ordinal);
            }
        }

        return message;
    }
}
