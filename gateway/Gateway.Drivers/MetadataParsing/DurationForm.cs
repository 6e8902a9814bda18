namespace Gateway.Drivers.MetadataParsing;

/// <summary>How a metadata duration may be written.</summary>
public enum DurationForm
{
    /// <summary>A Go duration only (<c>500ms</c>, <c>1m30s</c>); a bare number other than <c>0</c> is refused.</summary>
    GoDuration,

    /// <summary>Dapr's usual decoding: a bare whole number is milliseconds, anything else a Go duration.</summary>
    MillisecondsOrGoDuration,
}
