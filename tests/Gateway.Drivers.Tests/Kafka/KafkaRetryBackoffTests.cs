using Gateway.Drivers.Kafka;

namespace Gateway.Drivers.Tests.Kafka;

public sealed class KafkaRetryBackoffTests
{
    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 750)]
    [InlineData(3, 1125)]
    [InlineData(20, 2000)]
    [InlineData(100_000, 2000)]
    public void Delay_Exponential_GrowsByHalfAndStopsAtTheCap(int failedDeliveries, int expectedMilliseconds)
    {
        var backoff = new KafkaRetryBackoff(new KafkaOptions
        {
            BackOffPolicy = KafkaBackOffPolicy.Exponential,
            BackOffInitialInterval = TimeSpan.FromMilliseconds(500),
            BackOffMaxInterval = TimeSpan.FromSeconds(2),
        });

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), backoff.Delay(failedDeliveries));
    }

    [Theory]
    [InlineData(5, 60, 5)]
    [InlineData(90, 60, 60)]
    public void Delay_Constant_IsTheDurationCappedByTheMaximum(int durationSeconds, int maxSeconds, int expectedSeconds)
    {
        var backoff = new KafkaRetryBackoff(new KafkaOptions
        {
            BackOffDuration = TimeSpan.FromSeconds(durationSeconds),
            BackOffMaxInterval = TimeSpan.FromSeconds(maxSeconds),
        });

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), backoff.Delay(7));
    }
}
