namespace Gateway.Drivers.Kafka;

/// <summary>How long a message that was not acknowledged waits before it is handled again (metadata <c>backOffPolicy</c>).</summary>
public enum KafkaBackOffPolicy
{
    /// <summary><c>constant</c> (the default): always <see cref="KafkaOptions.BackOffDuration"/>.</summary>
    Constant,

    /// <summary><c>exponential</c>: from <see cref="KafkaOptions.BackOffInitialInterval"/>, times 1.5 per attempt, capped at <see cref="KafkaOptions.BackOffMaxInterval"/>.</summary>
    Exponential,
}
