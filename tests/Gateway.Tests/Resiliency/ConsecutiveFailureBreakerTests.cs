using Gateway.Resiliency;
using Gateway.Resources;
using static Gateway.Tests.Resiliency.ResiliencyFixtures;

namespace Gateway.Tests.Resiliency;

public sealed class ConsecutiveFailureBreakerTests
{
    private static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(45);
    private readonly ManualTimeProvider _clock = new();

    private ConsecutiveFailureBreaker Create(string trip, int maxRequests = 1, TimeSpan? interval = null)
    {
        Assert.True(TripCondition.TryParse(trip, out var condition));
        return new ConsecutiveFailureBreaker(
            new NamedPolicy<CircuitBreakerPolicySpec>("pubsubCB", Breaker(trip, OpenFor, maxRequests, interval)), condition, Component, _clock);
    }

    private static void Call(ConsecutiveFailureBreaker breaker, bool succeeds)
    {
        Assert.True(breaker.TryEnter(out var ticket, out var refusal), refusal);
        breaker.Complete(ticket, succeeds);
    }

    private static void Fail(ConsecutiveFailureBreaker breaker, int times)
    {
        for (var call = 0; call < times; call++)
        {
            Call(breaker, succeeds: false);
        }
    }

    [Theory]
    [InlineData("consecutiveFailures > 3", 3, false)]
    [InlineData("consecutiveFailures > 3", 4, true)]
    [InlineData("consecutiveFailures >= 3", 2, false)]
    [InlineData("consecutiveFailures >= 3", 3, true)]
    public void Complete_ConsecutiveFailures_OpenTheBreakerWhenTheTripIsMet(string trip, int failures, bool opens)
    {
        var breaker = Create(trip);

        Fail(breaker, failures);

        Assert.Equal(opens ? CircuitState.Open : CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Complete_SuccessBetweenFailures_StartsTheCountAgain()
    {
        var breaker = Create("consecutiveFailures > 2");

        Fail(breaker, 2);
        Call(breaker, succeeds: true);
        Fail(breaker, 2);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void TryEnter_Open_RefusesWithTheBreakerComponentAndTimeLeft()
    {
        var breaker = Create("consecutiveFailures > 0");
        Fail(breaker, 1);
        _clock.Advance(TimeSpan.FromSeconds(15));

        Assert.False(breaker.TryEnter(out _, out var refusal));
        Assert.Equal("circuit breaker 'pubsubCB' of component 'pubsub' is open; it lets a trial call through in 30s", refusal);
    }

    [Fact]
    public void TryEnter_TimeoutPassed_HalfOpensAndAdmitsOnlyMaxRequestsTrialCalls()
    {
        var breaker = Create("consecutiveFailures > 0");
        Fail(breaker, 1);
        _clock.Advance(OpenFor);

        Assert.True(breaker.TryEnter(out _, out _));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.TryEnter(out _, out var refusal));
        Assert.Contains("half-open", refusal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Complete_TrialCall_ClosesOnSuccessAndReopensOnFailure(bool succeeds)
    {
        var breaker = Create("consecutiveFailures > 0");
        Fail(breaker, 1);
        _clock.Advance(OpenFor);

        Call(breaker, succeeds);

        Assert.Equal(succeeds ? CircuitState.Closed : CircuitState.Open, breaker.State);
    }

    [Fact]
    public void Complete_MaxRequestsTwo_NeedsTwoSuccessfulTrialsToClose()
    {
        var breaker = Create("consecutiveFailures > 0", maxRequests: 2);
        Fail(breaker, 1);
        _clock.Advance(OpenFor);

        Call(breaker, succeeds: true);
        var afterOne = breaker.State;
        Call(breaker, succeeds: true);

        Assert.Equal(CircuitState.HalfOpen, afterOne);
        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Abandon_CancelledTrialCall_FreesItsPlaceForAnother()
    {
        var breaker = Create("consecutiveFailures > 0");
        Fail(breaker, 1);
        _clock.Advance(OpenFor);
        Assert.True(breaker.TryEnter(out var ticket, out _));

        breaker.Abandon(ticket);

        Assert.True(breaker.TryEnter(out _, out _));
    }

    [Fact]
    public void Complete_IntervalPassedBetweenFailures_CountsStartAgain()
    {
        var breaker = Create("consecutiveFailures > 2", interval: TimeSpan.FromSeconds(10));

        Fail(breaker, 2);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Fail(breaker, 2);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Complete_CallAdmittedBeforeTheBreakerOpened_DoesNotCloseIt()
    {
        var breaker = Create("consecutiveFailures > 0");
        Assert.True(breaker.TryEnter(out var slowCall, out _));
        Fail(breaker, 1);

        breaker.Complete(slowCall, succeeded: true);

        Assert.Equal(CircuitState.Open, breaker.State);
    }
}
