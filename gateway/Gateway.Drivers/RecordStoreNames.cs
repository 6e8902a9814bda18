namespace Gateway.Drivers;

/// <summary>The rule every record store name follows, checked once for every driver.</summary>
public static class RecordStoreNames
{
    /// <summary>The longest accepted name.</summary>
    public const int MaxLength = 100;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is 1 to <see cref="MaxLength"/> letters, digits, '.', '_' or '-'.</summary>
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Length > MaxLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException(
                $"the record store name '{name}' is not accepted: use 1 to {MaxLength} ASCII letters, digits, '.', '_' or '-'", nameof(name));
        }
    }
}
