using System.Globalization;

namespace Gateway.Credentials;

/// <summary>
/// Holds the current <see cref="GatewayCredentials"/> and their <see cref="CredentialStatus"/>; readers
/// always see one whole set. TLS handshakes and outbound clients read <see cref="Current"/> each time.
/// </summary>
internal sealed class CredentialStore(GatewayCredentials initial, DateTimeOffset? loadedAt = null)
{
    private GatewayCredentials _current = initial;
    private CredentialStatus _status = new(loadedAt ?? DateTimeOffset.UtcNow);

    public GatewayCredentials Current => Volatile.Read(ref _current);

    /// <summary>When the current set was loaded and whether newer credentials could not be had.</summary>
    public CredentialStatus Status => Volatile.Read(ref _status);

    /// <summary>Replaces the set; connections already open keep the one they were made with.</summary>
    public void Replace(GatewayCredentials credentials) => Replace(credentials, DateTimeOffset.UtcNow);

    /// <summary>Replaces the set and records the reload time; clears any earlier error.</summary>
    public void Replace(GatewayCredentials credentials, DateTimeOffset at)
    {
        Volatile.Write(ref _current, credentials);
        Volatile.Write(ref _status, new CredentialStatus(at));
    }

    /// <summary>Records that newer credentials could not be had; the current set stays.</summary>
    public void RecordFailure(string error, DateTimeOffset at)
    {
        var status = Status;
        Volatile.Write(ref _status, status with { LastError = error, LastErrorAt = at, FailingSince = status.FailingSince ?? at });
    }

    /// <summary>Records that the source delivers again and the current set is still its newest.</summary>
    public void ClearFailure() => Volatile.Write(ref _status, new CredentialStatus(Status.LoadedAt));

    /// <summary><c>state=current</c> or <c>state=stale</c> alone: what a caller without credentials is told.</summary>
    public string DescribeState() => $"state={(Status.LastError is null ? "current" : "stale")}";

    /// <summary>
    /// One line for <c>/v1.0/healthz</c>'s <c>X-Gateway-Credentials</c> header: <c>state=current</c> or
    /// <c>state=stale</c> (the last good set is kept while its source fails), the source, when the set was
    /// loaded, and for a stale set since when and why. Printable ASCII only.
    /// </summary>
    public string Describe()
    {
        var status = Status;
        var line = $"{DescribeState()}; source={Current.Source}; loaded={Time(status.LoadedAt)}";
        if (status.LastError is { } error)
        {
            line += $"; failing-since={Time(status.FailingSince ?? status.LastErrorAt ?? status.LoadedAt)}; problem={error}";
        }

        var printable = new string([.. line.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return printable.Length <= 512 ? printable : printable[..512];
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
