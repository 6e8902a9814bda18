using Gateway.Resiliency;
using Gateway.Resources;
using static Gateway.Tests.Resiliency.ResiliencyFixtures;

namespace Gateway.Tests.Resiliency;

/// <summary>Timeouts, circuit breaking and cancellation of <see cref="Gateway.Resiliency.ResilientInboundPolicy"/>.</summary>
public sealed class ResilientInboundPolicyFailureTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task Execute_AttemptTimesOut_IsRetriedAsReplyWithoutStatus()
    {
        var app = new ScriptedAttempts();
        var policy = Inbound(_clock, Constant(2, TimeSpan.FromSeconds(1), new StatusCodeRange(500, 599)), timeout: TimeSpan.FromSeconds(3));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.HangAsync, CancellationToken.None));

        Assert.Equal(3, app.Attempts);
        Assert.Equal(AppReplyStatus.Retry, reply.Status);
        Assert.Equal(0, reply.HttpStatus);
        Assert.Equal("the attempt timed out after 3s (timeout policy 'appTimeout')", reply.Detail);
    }

    [Fact]
    public async Task Execute_AppAnswersWithinTimeout_ReturnsItsReply()
    {
        var app = new ScriptedAttempts(Success);
        var policy = Inbound(_clock, timeout: TimeSpan.FromSeconds(3));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(Success, reply);
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
    }

    [Fact]
    public async Task Execute_BreakerTripsDuringRetries_StopsRetryingWithBreakerReply()
    {
        var app = new ScriptedAttempts(RetryWith(500));
        var policy = Inbound(_clock, Constant(RetryPolicySpec.Unlimited), breaker: Breaker("consecutiveFailures > 2"));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(3, app.Attempts);
        Assert.Equal(AppReplyStatus.Retry, reply.Status);
        Assert.Equal(0, reply.HttpStatus);
        Assert.StartsWith("circuit breaker 'appBreaker' of component 'pubsub' is open", reply.Detail);
    }

    [Fact]
    public async Task Execute_BreakerOpen_NextDeliveryFailsWithoutCallingTheApp()
    {
        var app = new ScriptedAttempts(RetryWith(500));
        var policy = Inbound(_clock, breaker: Breaker("consecutiveFailures >= 2"));
        await policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None);
        await policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None);

        var reply = await policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None);

        Assert.Equal(2, app.Attempts);
        Assert.Contains("is open", reply.Detail);
    }

    [Fact]
    public async Task Execute_BreakerTimeoutPassed_TrialDeliveryReachesTheAppAndClosesIt()
    {
        var failing = new ScriptedAttempts(RetryWith(500));
        var policy = Inbound(_clock, breaker: Breaker("consecutiveFailures > 0", timeout: TimeSpan.FromSeconds(30)));
        await policy.ExecuteAsync(failing.AttemptAsync, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var healthy = new ScriptedAttempts(Success);

        var trial = await policy.ExecuteAsync(healthy.AttemptAsync, CancellationToken.None);
        var next = await policy.ExecuteAsync(healthy.AttemptAsync, CancellationToken.None);

        Assert.Equal(AppReplyStatus.Success, trial.Status);
        Assert.Equal(AppReplyStatus.Success, next.Status);
        Assert.Equal(2, healthy.Attempts);
    }

    [Fact]
    public async Task Execute_TimedOutAttempts_CountTowardsTheBreaker()
    {
        var app = new ScriptedAttempts();
        var policy = Inbound(_clock, Constant(5), TimeSpan.FromSeconds(1), Breaker("consecutiveFailures > 1"));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.HangAsync, CancellationToken.None));

        Assert.Equal(2, app.Attempts);
        Assert.Contains("is open", reply.Detail);
    }

    [Fact]
    public async Task Execute_CancelledWhileWaitingToRetry_ThrowsOperationCanceled()
    {
        var app = new ScriptedAttempts(RetryWith(500));
        var policy = Inbound(_clock, Constant(3, TimeSpan.FromSeconds(10)));
        using var cancellation = new CancellationTokenSource();

        var execution = policy.ExecuteAsync(app.AttemptAsync, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution);
        Assert.Equal(1, app.Attempts);
    }

    [Fact]
    public async Task Execute_CancelledDuringAnAttempt_ThrowsOperationCanceledRatherThanTimingOut()
    {
        var app = new ScriptedAttempts();
        var policy = Inbound(_clock, Constant(3), TimeSpan.FromSeconds(10));
        using var cancellation = new CancellationTokenSource();

        var execution = policy.ExecuteAsync(app.HangAsync, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution);
        Assert.Equal(1, app.Attempts);
    }

    [Fact]
    public async Task Execute_AlreadyCancelled_ThrowsOperationCanceled()
    {
        var app = new ScriptedAttempts(RetryWith(500));
        var policy = Inbound(_clock, Constant(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => policy.ExecuteAsync(app.AttemptAsync, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Execute_AttemptThrows_ExceptionPropagatesWithoutRetry()
    {
        var attempts = 0;
        var policy = Inbound(_clock, Constant(3));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => policy.ExecuteAsync(
            _ =>
            {
                attempts++;
                throw new InvalidOperationException("bug in the attempt");
            },
            CancellationToken.None));

        Assert.Equal("bug in the attempt", error.Message);
        Assert.Equal(1, attempts);
    }
}
