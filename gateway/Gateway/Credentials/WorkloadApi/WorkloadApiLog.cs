using Gateway.Drivers;

namespace Gateway.Credentials.WorkloadApi;

/// <summary>The Workload API credential source's log events, all in this one table: 2401-2409 (up to 2449 is kept for this source).</summary>
internal static partial class WorkloadApiLog
{
    [LoggerMessage(EventId = EventIds.WorkloadApiLog.Using, Level = LogLevel.Information, Message = "Credentials from the SPIFFE Workload API at {Endpoint}: {SpiffeId}, SVID serial {Serial}, thumbprint {Thumbprint}, expires {NotAfter:O}; trust domains: {TrustDomains}")]
    public static partial void Using(ILogger logger, string endpoint, string spiffeId, string serial, string thumbprint, DateTime notAfter, string trustDomains);

    [LoggerMessage(EventId = EventIds.WorkloadApiLog.Discarded, Level = LogLevel.Warning, Message = "A message from the SPIFFE Workload API at {Endpoint} was discarded; the current credentials stay in use: {Reason}")]
    public static partial void Discarded(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = EventIds.WorkloadApiLog.Unavailable, Level = LogLevel.Warning, Message = "The SPIFFE Workload API at {Endpoint} cannot be used ({Method}: {Problem}); the current credentials stay in use; retrying in {RetrySeconds} s")]
    public static partial void Unavailable(ILogger logger, string endpoint, string method, string problem, double retrySeconds);

    [LoggerMessage(EventId = EventIds.WorkloadApiLog.Reconnected, Level = LogLevel.Information, Message = "The SPIFFE Workload API at {Endpoint} answers {Method} again")]
    public static partial void Reconnected(ILogger logger, string endpoint, string method);

    [LoggerMessage(EventId = EventIds.WorkloadApiLog.Notice, Level = LogLevel.Warning, Message = "Workload API bundle entry ignored: {Notice}")]
    public static partial void Notice(ILogger logger, string notice);

    [LoggerMessage(EventId = EventIds.WorkloadApiLog.Federated, Level = LogLevel.Information, Message = "Trust domain {TrustDomain} is trusted from now on: the SPIFFE Workload API sent its bundle")]
    public static partial void Federated(ILogger logger, string trustDomain);

    [LoggerMessage(EventId = EventIds.WorkloadApiLog.Redacted, Level = LogLevel.Warning, Message = "Trust domain {TrustDomain} is no longer trusted: the SPIFFE Workload API no longer sends its bundle")]
    public static partial void Redacted(ILogger logger, string trustDomain);

    [LoggerMessage(EventId = EventIds.WorkloadApiLog.Waiting, Level = LogLevel.Warning, Message = "Not serving yet: waiting for the first X509-SVID from the SPIFFE Workload API at {Endpoint} ({Seconds:F0} s so far); {Problem}")]
    public static partial void Waiting(ILogger logger, string endpoint, double seconds, string problem);

    [LoggerMessage(EventId = EventIds.WorkloadApiLog.StillUnavailable, Level = LogLevel.Debug, Message = "The SPIFFE Workload API at {Endpoint} still cannot be used ({Method}: {Problem}); retrying in {RetrySeconds} s")]
    public static partial void StillUnavailable(ILogger logger, string endpoint, string method, string problem, double retrySeconds);
}
