using System.Globalization;

namespace Gateway.Drivers.Redis.Client;

/// <summary>Orders stream entry IDs (<c>milliseconds-sequence</c>) as Redis does: by time, then by sequence.</summary>
internal sealed class StreamIdComparer : IComparer<string>
{
    public static StreamIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (xTime, xSequence) = Split(x);
        var (yTime, ySequence) = Split(y);
        var byTime = xTime.CompareTo(yTime);
        return byTime != 0 ? byTime : xSequence.CompareTo(ySequence);
    }

    private static (ulong Time, ulong Sequence) Split(string? id)
    {
        var dash = id?.IndexOf('-') ?? -1;
        var time = ulong.TryParse(dash < 0 ? id : id![..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
        var sequence = dash >= 0 && ulong.TryParse(id![(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return (time, sequence);
    }
}
