namespace Gateway.LoadGen.Cli;

/// <summary>Repeatable <c>NAME=VALUE</c> options (<c>--gateway-env</c>, <c>--metadata</c>, <c>--baseline-env</c>).</summary>
internal static class NameValuePairs
{
    /// <summary>Adds every pair to <paramref name="into"/>; a value without <c>=</c> or without a name is an error naming the option.</summary>
    public static void AddTo(IDictionary<string, string> into, IEnumerable<string> pairs, string option)
    {
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"{option} '{pair}' is not of the form NAME=VALUE");
            }

            into[pair[..equals]] = pair[(equals + 1)..];
        }
    }
}
