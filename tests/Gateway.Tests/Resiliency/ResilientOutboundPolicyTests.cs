using Gateway.Drivers;
using Gateway.Resiliency;
using Gateway.Resources;
using static Gateway.Tests.Resiliency.ResiliencyFixtures;

namespace Gateway.Tests.Resiliency;

public sealed class ResilientOutboundPolicyTests
{
    private readonly ManualTimeProvider _clock = new();

    [Theory]
    [InlineData(true, 503)]
    [InlineData(false, 400)]
    public void HttpStatusOf_DriverFailure_IsUnavailableWhenTransientAndFailedPreconditionWhenTerminal(bool isTransient, int expected)
    {
        Assert.Equal(expected, ResilientOutboundPolicy.HttpStatusOf(new DriverException("failed", isTransient)));
    }

    [Fact]
    public async Task Execute_TransientFailuresThenSuccess_Publishes()
    {
        var broker = new ScriptedPublishes(ScriptedPublishes.Transient, ScriptedPublishes.Transient);
        var policy = Outbound(_clock, Constant(3));

        await _clock.DriveAsync(policy.ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask());

        Assert.Equal(3, broker.Attempts);
    }

    [Fact]
    public async Task Execute_RetriesExhausted_RethrowsTheLastDriverFailure()
    {
        var last = new DriverException("still unavailable", isTransient: true);
        var broker = new ScriptedPublishes(ScriptedPublishes.Transient, ScriptedPublishes.Transient, last);
        var policy = Outbound(_clock, Constant(2));

        var error = await Assert.ThrowsAsync<DriverException>(() => _clock.DriveAsync(policy.ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask()));

        Assert.Same(last, error);
        Assert.Equal(3, broker.Attempts);
    }

    [Theory]
    [InlineData(true, 500, 599, 3)]
    [InlineData(false, 500, 599, 1)]
    [InlineData(false, 400, 400, 3)]
    [InlineData(true, 400, 499, 1)]
    public async Task Execute_MatchingHttpStatusCodes_AppliesTo503ForTransientAnd400ForTerminal(bool isTransient, int from, int to, int expectedAttempts)
    {
        var broker = ScriptedPublishes.Always(new DriverException("failed", isTransient));
        var policy = Outbound(_clock, Constant(2, null, new StatusCodeRange(from, to)));

        await Assert.ThrowsAsync<DriverException>(() => _clock.DriveAsync(policy.ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask()));

        Assert.Equal(expectedAttempts, broker.Attempts);
    }

    [Fact]
    public async Task Execute_WithoutMatching_RetriesTerminalFailuresToo()
    {
        var broker = ScriptedPublishes.Always(ScriptedPublishes.Terminal);
        var policy = Outbound(_clock, Constant(2));

        await Assert.ThrowsAsync<DriverException>(() => _clock.DriveAsync(policy.ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask()));

        Assert.Equal(3, broker.Attempts);
    }

    [Fact]
    public async Task Execute_PublishTimesOut_ThrowsTransientDriverFailureAfterRetries()
    {
        var broker = new ScriptedPublishes();
        var policy = Outbound(_clock, Constant(1, null, new StatusCodeRange(400, 400)), TimeSpan.FromMilliseconds(250));

        var error = await Assert.ThrowsAsync<DriverException>(() => _clock.DriveAsync(policy.ExecuteAsync(broker.HangAsync, CancellationToken.None).AsTask()));

        Assert.True(error.IsTransient);
        Assert.Equal("publishing to component 'pubsub' timed out after 250ms (timeout policy 'appTimeout')", error.Message);
        Assert.Equal(2, broker.Attempts);
    }

    [Fact]
    public async Task Execute_BreakerOpen_FailsTransientlyWithoutPublishing()
    {
        var broker = ScriptedPublishes.Always(ScriptedPublishes.Terminal);
        var policy = Outbound(_clock, breaker: Breaker("consecutiveFailures > 1"));
        await Assert.ThrowsAsync<DriverException>(() => policy.ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<DriverException>(() => policy.ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask());

        var error = await Assert.ThrowsAsync<DriverException>(() => policy.ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask());

        Assert.True(error.IsTransient);
        Assert.StartsWith("circuit breaker 'appBreaker' of component 'pubsub' is open", error.Message);
        Assert.Equal(2, broker.Attempts);
    }

    [Fact]
    public async Task Execute_CancelledWhileWaitingToRetry_ThrowsOperationCanceled()
    {
        var broker = ScriptedPublishes.Always(ScriptedPublishes.Transient);
        var policy = Outbound(_clock, Constant(3, TimeSpan.FromSeconds(10)));
        using var cancellation = new CancellationTokenSource();

        var execution = policy.ExecuteAsync(broker.PublishAsync, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution);
        Assert.Equal(1, broker.Attempts);
    }

    [Fact]
    public async Task SingleAttempt_FailedPublish_IsNotRetried()
    {
        var broker = ScriptedPublishes.Always(ScriptedPublishes.Transient);

        await Assert.ThrowsAsync<DriverException>(() => SingleAttemptOutboundPolicy.Instance.ExecuteAsync(broker.PublishAsync, CancellationToken.None).AsTask());

        Assert.Equal(1, broker.Attempts);
    }
}
