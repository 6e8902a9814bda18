using System.Globalization;

namespace Gateway.Drivers.MetadataParsing;

/// <summary>
/// One metadata entry of a known key, with typed readers. Each <c>Try…</c> reader returns false when the
/// value cannot be right and has then recorded one error in the shape of
/// <see cref="MetadataMessages.Unrecognised"/>, naming the key as written (secret values are not repeated).
/// </summary>
public sealed class MetadataEntry
{
    private readonly MetadataReading _reading;

    internal MetadataEntry(MetadataKey key, string writtenName, string value, MetadataReading reading)
    {
        Key = key;
        WrittenName = writtenName;
        Value = value;
        _reading = reading;
    }

    /// <summary>The table row of this key.</summary>
    public MetadataKey Key { get; }

    /// <summary>The key's name as the table spells it; switch on this.</summary>
    public string Name => Key.Name;

    /// <summary>The key as the YAML spelled it.</summary>
    public string WrittenName { get; }

    /// <summary>The value exactly as written (not trimmed).</summary>
    public string Value { get; }

    /// <summary>A value that is not empty or blank, trimmed.</summary>
    public bool TryText(out string text, string requirement = "a value that is not empty")
    {
        text = Value.Trim();
        return text.Length > 0 || Reject(requirement);
    }

    /// <summary><c>true</c>/<c>false</c> in the spellings Go's <c>strconv.ParseBool</c> takes (which is how Dapr reads them).</summary>
    public bool TryBool(out bool flag)
    {
        switch (Value.Trim())
        {
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                flag = true;
                return true;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                flag = false;
                return true;
            default:
                flag = false;
                return Reject("'true' or 'false'");
        }
    }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public bool TryInteger(long minimum, long maximum, out long number)
    {
        if (long.TryParse(Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number) && number >= minimum && number <= maximum)
        {
            return true;
        }

        return Reject(maximum >= int.MaxValue
            ? minimum switch { 0 => "a whole number of zero or more", 1 => "a whole number greater than zero", _ => $"a whole number of at least {minimum}" }
            : $"a whole number from {minimum} to {maximum}");
    }

    /// <summary><see cref="TryInteger(long, long, out long)"/> for an <see cref="int"/>.</summary>
    public bool TryInteger(int minimum, int maximum, out int number)
    {
        var fits = TryInteger((long)minimum, maximum, out long wide);
        number = fits ? (int)wide : 0;
        return fits;
    }

    /// <summary>A duration written as <paramref name="form"/>; never negative, and above zero unless <paramref name="allowZero"/>.</summary>
    public bool TryDuration(DurationForm form, bool allowZero, out TimeSpan duration)
    {
        var parsed = form == DurationForm.MillisecondsOrGoDuration
            ? GoDuration.TryParseMillisecondsOrDuration(Value, out duration)
            : GoDuration.TryParse(Value.Trim(), out duration);
        if (parsed && (duration > TimeSpan.Zero || (allowZero && duration == TimeSpan.Zero)))
        {
            return true;
        }

        var range = allowZero ? "a duration" : "a duration above zero";
        var bare = form == DurationForm.MillisecondsOrGoDuration ? " (a bare number is milliseconds)" : string.Empty;
        return Reject($"{range} such as '100ms' or '1m'{bare}");
    }

    /// <summary>One of <paramref name="choices"/>, compared ignoring case.</summary>
    public bool TryChoice<T>(out T choice, params (string Name, T Value)[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        foreach (var (name, value) in choices)
        {
            if (string.Equals(Value.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                choice = value;
                return true;
            }
        }

        choice = default!;
        var names = choices.Select(c => $"'{c.Name}'").ToList();
        return Reject(names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}");
    }

    /// <summary>Records that the value does not meet <paramref name="requirement"/>; always returns false.</summary>
    public bool Reject(string requirement)
    {
        _reading.Add(WrittenName, MetadataMessages.Unrecognised(WrittenName, requirement, Value, Key.IsSecret), MetadataSeverity.Error);
        return false;
    }

    /// <summary>Records a warning about this entry: it loads, but the user should know <paramref name="message"/>.</summary>
    public void Warn(string message) => _reading.Add(WrittenName, $"metadata '{WrittenName}' {message}", MetadataSeverity.Warning);
}
