namespace Gateway.Drivers.Kafka;

/// <summary>How long a message waits before its handler runs again, by the options' back-off policy.</summary>
internal sealed class KafkaRetryBackoff(KafkaOptions options)
{
    /// <summary>The delay after the <paramref name="failedDeliveries"/>-th unsuccessful delivery (1 = the first).</summary>
    public TimeSpan Delay(int failedDeliveries)
    {
        var cap = options.BackOffMaxInterval;
        if (options.BackOffPolicy == KafkaBackOffPolicy.Constant)
        {
            return options.BackOffDuration < cap ? options.BackOffDuration : cap;
        }

        var milliseconds = options.BackOffInitialInterval.TotalMilliseconds * Math.Pow(options.BackOffMultiplier, Math.Max(0, failedDeliveries - 1));
        return milliseconds >= cap.TotalMilliseconds || double.IsInfinity(milliseconds) ? cap : TimeSpan.FromMilliseconds(milliseconds);
    }
}
