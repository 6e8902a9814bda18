using Gateway.Resources;

namespace Gateway.Tests.Resources;

public sealed class TripConditionTests
{
    [Theory]
    [InlineData("consecutiveFailures > 5", 6)]
    [InlineData("consecutiveFailures >= 5", 5)]
    [InlineData("consecutiveFailures>8", 9)]
    [InlineData("  consecutiveFailures  >=  1  ", 1)]
    [InlineData("consecutiveFailures > 0", 1)]
    [InlineData("consecutiveFailures >= 0", 1)]
    public void TryParse_SupportedForm_TripsAtTheMatchingFailureCount(string expression, long failuresToTrip)
    {
        Assert.True(TripCondition.TryParse(expression, out var condition));
        Assert.False(condition.IsMetBy(failuresToTrip - 1));
        Assert.True(condition.IsMetBy(failuresToTrip));
    }

    [Theory]
    [InlineData("")]
    [InlineData("requests > 5")]
    [InlineData("consecutiveFailures < 5")]
    [InlineData("consecutiveFailures == 5")]
    [InlineData("consecutiveFailures > -1")]
    [InlineData("consecutiveFailures > 2.5")]
    [InlineData("ConsecutiveFailures > 5")]
    [InlineData("consecutiveFailures > 5 && requests > 10")]
    [InlineData("consecutiveFailures > 99999999999999999999")]
    public void TryParse_OtherExpression_IsRefused(string expression)
    {
        Assert.False(TripCondition.TryParse(expression, out _));
    }
}
