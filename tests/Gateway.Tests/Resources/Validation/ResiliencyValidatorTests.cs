using Gateway.Resources.Validation;
using static Gateway.Tests.Resiliency.ResiliencyFixtures;

namespace Gateway.Tests.Resources.Validation;

public sealed class ResiliencyValidatorTests
{
    [Fact]
    public void Check_UnsupportedTrip_PointsAtTheResourceForTheLoader()
    {
        var resiliency = Spec("myresiliency", breakers: new() { ["pubsubCB"] = Breaker("requests > 3") });

        var error = Assert.Single(ResiliencyValidator.Check(resiliency));

        Assert.Equal(("resiliency.yaml", 1, "myresiliency", "Resiliency"), (error.File, error.Line, error.Name, error.Kind));
        Assert.StartsWith("'spec.policies.circuitBreakers.pubsubCB.trip' is 'requests > 3'", error.Message);
    }

    [Fact]
    public void Check_SupportedTripsAndDaprDefault_AreAccepted()
    {
        var resiliency = Spec(breakers: new()
        {
            ["strict"] = Breaker("consecutiveFailures >= 1"),
            ["default"] = Breaker(Gateway.Resources.CircuitBreakerPolicySpec.DefaultTrip),
        });

        Assert.Empty(ResiliencyValidator.Check(resiliency));
    }

    [Fact]
    public void Check_SeveralUnsupportedTrips_ReportsEveryOne()
    {
        var resiliency = Spec(breakers: new() { ["a"] = Breaker("requests > 3"), ["b"] = Breaker("consecutiveFailures != 2") });

        Assert.Equal(2, ResiliencyValidator.Check(resiliency).Count());
    }
}
