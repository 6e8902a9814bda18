namespace Gateway.Drivers.MetadataParsing;

/// <summary>
/// Finds the known key a misspelt one most likely meant: the fewest single-letter edits (ignoring case),
/// or the same words in another order (<c>excludeMetaHeaderRegex</c> for <c>excludeHeaderMetaRegex</c>).
/// </summary>
internal static class NearestKey
{
    public static string? Find(string key, IEnumerable<string> known)
    {
        var wanted = key.ToLowerInvariant();
        var words = Words(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var distance = Distance(wanted, name.ToLowerInvariant());
            if (words.SetEquals(Words(name)))
            {
                distance = Math.Min(distance, 1);
            }

            if (distance <= Allowed(key) && distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best;
    }

    /// <summary>About one edit in four letters, at least two: enough for typos, not for another word.</summary>
    private static int Allowed(string key) => Math.Max(2, key.Length / 4);

    private static HashSet<string> Words(string key)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var start = 0;
        for (var i = 1; i <= key.Length; i++)
        {
            if (i == key.Length || (char.IsUpper(key[i]) && !char.IsUpper(key[i - 1])) || !char.IsLetterOrDigit(key[i]))
            {
                var word = key[start..i].Trim('_', '-', '.');
                if (word.Length > 0)
                {
                    words.Add(word);
                }

                start = i;
            }
        }

        return words;
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
