using System.Diagnostics.CodeAnalysis;
using Gateway.Resources;

namespace Gateway.Resiliency;

/// <summary>
/// Dapr's circuit breaker for one target: counts consecutive failures while closed and opens when the
/// <c>trip</c> condition is met; stays open for <c>timeout</c>; then half-opens and lets <c>maxRequests</c>
/// trial calls through: that many successes in a row close it, any failure opens it again. While closed,
/// the counts restart every <c>interval</c> (0 = never).
/// </summary>
/// <remarks>
/// Polly's own breaker judges a failure ratio over a sampling window, which a success does not reset,
/// so it cannot express "N consecutive failures"; this state machine is plugged into the Polly pipeline
/// by <see cref="BreakerStrategy"/> instead.
/// </remarks>
internal sealed class ConsecutiveFailureBreaker
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly TripCondition _trip;
    private readonly int _maxRequests;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _openDuration;

    private CircuitState _state = CircuitState.Closed;
    private long _generation;
    private long? _expiresAt;
    private int _requests;
    private long _consecutiveFailures;
    private int _consecutiveSuccesses;

    public ConsecutiveFailureBreaker(NamedPolicy<CircuitBreakerPolicySpec> policy, TripCondition trip, string componentName, TimeProvider clock)
    {
        Name = policy.Name;
        ComponentName = componentName;
        _trip = trip;
        _clock = clock;
        _maxRequests = Math.Max(policy.Spec.MaxRequests, 1);
        _interval = policy.Spec.Interval > TimeSpan.Zero ? policy.Spec.Interval : TimeSpan.Zero;
        _openDuration = policy.Spec.Timeout > TimeSpan.Zero ? policy.Spec.Timeout : CircuitBreakerPolicySpec.DefaultTimeout;
        StartGeneration(_clock.GetTimestamp());
    }

    /// <summary>The policy name in <c>spec.policies.circuitBreakers</c>.</summary>
    public string Name { get; }

    public string ComponentName { get; }

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                Refresh(_clock.GetTimestamp());
                return _state;
            }
        }
    }

    /// <summary>
    /// Admits a call, or refuses it with the reason when the breaker is open or its half-open trial calls
    /// are all under way. An admitted call must end with <see cref="Complete"/> or <see cref="Abandon"/>.
    /// </summary>
    public bool TryEnter(out long ticket, [NotNullWhen(false)] out string? refusal)
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            Refresh(now);
            ticket = _generation;
            refusal = _state switch
            {
                CircuitState.Open => ResiliencyMessages.BreakerOpen(Name, ComponentName, _clock.GetElapsedTime(now, _expiresAt ?? now)),
                CircuitState.HalfOpen when _requests >= _maxRequests => ResiliencyMessages.BreakerBusy(Name, ComponentName, _maxRequests),
                _ => null,
            };
            if (refusal is null)
            {
                _requests++;
            }

            return refusal is null;
        }
    }

    /// <summary>Records how an admitted call ended. Calls admitted before the last state change are ignored.</summary>
    public void Complete(long ticket, bool succeeded)
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            Refresh(now);
            if (ticket != _generation)
            {
                return;
            }

            if (succeeded)
            {
                _consecutiveFailures = 0;
                _consecutiveSuccesses++;
                if (_state == CircuitState.HalfOpen && _consecutiveSuccesses >= _maxRequests)
                {
                    Enter(CircuitState.Closed, now);
                }
            }
            else
            {
                _consecutiveSuccesses = 0;
                _consecutiveFailures++;
                if (_state == CircuitState.HalfOpen || (_state == CircuitState.Closed && _trip.IsMetBy(_consecutiveFailures)))
                {
                    Enter(CircuitState.Open, now);
                }
            }
        }
    }

    /// <summary>
    /// Forgets an admitted call that was cancelled from outside: it proved nothing either way, and a
    /// half-open breaker must not keep waiting for its result.
    /// </summary>
    public void Abandon(long ticket)
    {
        lock (_gate)
        {
            if (ticket == _generation && _requests > 0)
            {
                _requests--;
            }
        }
    }

    private void Refresh(long now)
    {
        if (_expiresAt is not { } expiresAt || now < expiresAt)
        {
            return;
        }

        if (_state == CircuitState.Open)
        {
            Enter(CircuitState.HalfOpen, now);
        }
        else if (_state == CircuitState.Closed)
        {
            StartGeneration(now);
        }
    }

    private void Enter(CircuitState state, long now)
    {
        _state = state;
        StartGeneration(now);
    }

    private void StartGeneration(long now)
    {
        _generation++;
        _requests = 0;
        _consecutiveFailures = 0;
        _consecutiveSuccesses = 0;
        _expiresAt = _state switch
        {
            CircuitState.Open => now + TimestampTicks(_openDuration),
            CircuitState.Closed when _interval > TimeSpan.Zero => now + TimestampTicks(_interval),
            _ => null,
        };
    }

    private long TimestampTicks(TimeSpan duration) =>
        (long)(duration.Ticks * ((double)_clock.TimestampFrequency / TimeSpan.TicksPerSecond));
}
