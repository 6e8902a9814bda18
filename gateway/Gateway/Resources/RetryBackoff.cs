namespace Gateway.Resources;

/// <summary>How the wait between retries grows.</summary>
internal enum RetryBackoff
{
    /// <summary>The same <see cref="RetryPolicySpec.Duration"/> every time.</summary>
    Constant,

    /// <summary>Starts at 500 ms and grows by 1.5 up to <see cref="RetryPolicySpec.MaxInterval"/>.</summary>
    Exponential,
}
