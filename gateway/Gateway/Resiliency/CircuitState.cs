namespace Gateway.Resiliency;

/// <summary>The state of a <see cref="ConsecutiveFailureBreaker"/>.</summary>
internal enum CircuitState
{
    /// <summary>Calls go through; consecutive failures are counted.</summary>
    Closed,

    /// <summary>Calls fail at once until the breaker's timeout has passed.</summary>
    Open,

    /// <summary>Up to <c>maxRequests</c> trial calls go through; one failure reopens, enough successes close.</summary>
    HalfOpen,
}
