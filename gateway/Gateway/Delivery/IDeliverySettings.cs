namespace Gateway.Delivery;

/// <summary>The settings delivery reads (keys of the <c>Gateway</c> configuration section), read again at every attempt so live changes apply.</summary>
internal interface IDeliverySettings
{
    /// <summary>How long one delivery attempt to an app may take. Default 30 s.</summary>
    TimeSpan DeliveryTimeout { get; }
}
