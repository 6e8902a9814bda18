namespace Gateway.Drivers;

/// <summary>
/// A broker failure, classified once at the driver boundary. Transient failures may succeed when
/// retried; terminal ones will not until something is changed.
/// </summary>
public sealed class DriverException : Exception
{
    public DriverException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when retrying the same operation later may succeed (broker down, full, slow).</summary>
    public bool IsTransient { get; }
}
