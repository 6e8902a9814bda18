using Gateway.Drivers;

namespace Gateway.Credentials;

/// <summary>
/// Warns once per SVID (event 2103) when the gateway's own SVID has less than a third of its lifetime left,
/// whichever source it came from. Called from one watcher loop; not thread-safe.
/// </summary>
internal sealed partial class SvidExpiryWarning(ILogger logger)
{
    private string? _warnedThumbprint;

    public void Check(GatewayCredentials current, DateTimeOffset now)
    {
        var svid = current.Svid;
        if (SvidExpiry.RenewalOverdue(svid, now) && !string.Equals(_warnedThumbprint, svid.Thumbprint, StringComparison.Ordinal))
        {
            _warnedThumbprint = svid.Thumbprint;
            LogExpiring(logger, current.Id.ToString(), svid.SerialNumber, svid.NotAfter.ToUniversalTime());
        }
    }

    [LoggerMessage(EventId = EventIds.SvidExpiryWarning.Expiring, Level = LogLevel.Warning, Message = "The gateway's own SVID for {SpiffeId} (serial {Serial}) expires at {NotAfter:O} and has less than a third of its lifetime left; is its renewal working?")]
    private static partial void LogExpiring(ILogger logger, string spiffeId, string serial, DateTime notAfter);
}
