namespace Gateway.Scopes;

/// <summary>
/// Matches a component metadata name against one of the ASCII scope keys the way Dapr does:
/// both sides are lower-cased with Go's per-rune Unicode lower-case mapping, then compared exactly.
/// </summary>
/// <remarks>
/// Besides ASCII letters, exactly two characters lower-case to an ASCII letter under that mapping:
/// U+0130 (LATIN CAPITAL LETTER I WITH DOT ABOVE) to 'i' and U+212A (KELVIN SIGN) to 'k'.
/// Characters that merely upper-case to ASCII, such as U+017F (LATIN SMALL LETTER LONG S) or
/// U+0131 (LATIN SMALL LETTER DOTLESS I), do not match, which is why .NET's
/// <see cref="StringComparison.OrdinalIgnoreCase"/> is not used here.
/// </remarks>
internal static class MetadataKeyMatcher
{
    /// <summary>True when <paramref name="name"/> denotes <paramref name="asciiKey"/> for Dapr.</summary>
    public static bool Matches(string name, string asciiKey)
    {
        // Every character that can match is a single UTF-16 unit, so lengths must agree.
        if (name.Length != asciiKey.Length)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (LowerLikeGo(name[i]) != char.ToLowerInvariant(asciiKey[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char LowerLikeGo(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        '\u0130' => 'i',
        '\u212A' => 'k',
        // Any other non-ASCII character lower-cases to something that is not an ASCII letter;
        // returning it unchanged can therefore never produce a false match against an ASCII key.
        _ => c,
    };
}
