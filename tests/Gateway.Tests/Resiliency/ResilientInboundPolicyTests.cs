using Gateway.Resiliency;
using Gateway.Resources;
using static Gateway.Tests.Resiliency.ResiliencyFixtures;

namespace Gateway.Tests.Resiliency;

public sealed class ResilientInboundPolicyTests
{
    private readonly ManualTimeProvider _clock = new();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    public async Task Execute_AppKeepsAskingForRetry_AttemptsOnePlusMaxRetriesTimes(int maxRetries, int expectedAttempts)
    {
        var app = new ScriptedAttempts(RetryWith(500));
        var policy = Inbound(_clock, Constant(maxRetries));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(expectedAttempts, app.Attempts);
        Assert.Equal(RetryWith(500), reply);
    }

    [Fact]
    public async Task Execute_UnlimitedRetries_RetriesUntilTheAppSucceeds()
    {
        var app = new ScriptedAttempts([.. Enumerable.Repeat(RetryWith(503), 7), Success]);
        var policy = Inbound(_clock, Constant(RetryPolicySpec.Unlimited));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(8, app.Attempts);
        Assert.Equal(AppReplyStatus.Success, reply.Status);
    }

    [Fact]
    public async Task Execute_LastAttemptAnswersDifferently_ReturnsTheLastReply()
    {
        var app = new ScriptedAttempts(RetryWith(500), RetryWith(502), RetryWith(503));
        var policy = Inbound(_clock, Constant(2));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(503, reply.HttpStatus);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Execute_SuccessOrDrop_IsFinalAfterOneAttempt(bool drop)
    {
        var expected = drop ? Drop : Success;
        var app = new ScriptedAttempts(expected);
        var policy = Inbound(_clock, Constant(5));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(1, app.Attempts);
        Assert.Equal(expected, reply);
    }

    [Theory]
    [InlineData(503, 3)]
    [InlineData(500, 3)]
    [InlineData(429, 3)]
    [InlineData(400, 1)]
    [InlineData(501, 1)]
    [InlineData(0, 3)]
    public async Task Execute_MatchingHttpStatusCodes_RetriesOnlyListedCodesAndRepliesWithoutCode(int httpStatus, int expectedAttempts)
    {
        var app = new ScriptedAttempts(RetryWith(httpStatus));
        var policy = Inbound(_clock, Constant(2, null, new StatusCodeRange(429, 429), new StatusCodeRange(500, 500), new StatusCodeRange(502, 599)));

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(expectedAttempts, app.Attempts);
        Assert.Equal(AppReplyStatus.Retry, reply.Status);
        Assert.Equal(httpStatus, reply.HttpStatus);
    }

    [Fact]
    public async Task Execute_ConstantPolicy_WaitsItsDurationBeforeEachRetry()
    {
        var app = new ScriptedAttempts(RetryWith(500));
        var policy = Inbound(_clock, Constant(3, TimeSpan.FromSeconds(2)));

        await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], _clock.RequestedDueTimes);
        Assert.Equal(TimeSpan.FromSeconds(6), _clock.Elapsed);
    }

    [Fact]
    public async Task Execute_ExponentialPolicyWithFixedJitter_WaitsGrowByOneAndAHalf()
    {
        var app = new ScriptedAttempts(RetryWith(500));
        var policy = Inbound(_clock, Exponential(4, TimeSpan.FromSeconds(1.5)), jitter: () => 0.5);

        await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(
            [TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(1125), TimeSpan.FromMilliseconds(1500)],
            _clock.RequestedDueTimes);
    }

    [Fact]
    public async Task Execute_UnlimitedExponentialRetries_StopBeforeFifteenMinutesHavePassed()
    {
        var app = new ScriptedAttempts(RetryWith(503));
        var policy = Inbound(_clock, Exponential(RetryPolicySpec.Unlimited), jitter: () => 0.5);

        var reply = await _clock.DriveAsync(policy.ExecuteAsync(app.AttemptAsync, CancellationToken.None));

        Assert.Equal(AppReplyStatus.Retry, reply.Status);
        Assert.InRange(_clock.Elapsed, TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(15));
        Assert.Equal(_clock.RequestedDueTimes.Count + 1, app.Attempts);
    }
}
