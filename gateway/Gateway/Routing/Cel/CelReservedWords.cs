namespace Gateway.Routing.Cel;

/// <summary>Words CEL reserves; they can be neither identifiers nor field names after a dot.</summary>
internal static class CelReservedWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "false", "for", "function", "if", "import",
        "in", "let", "loop", "package", "namespace", "null", "return", "true", "var", "void", "while",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
