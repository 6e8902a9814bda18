using System.Diagnostics.Metrics;
using Gateway.Telemetry;

namespace Gateway.Credentials;

/// <summary>The gauge <c>gateway.svid.expiry_seconds</c>: seconds until the current own SVID expires.</summary>
internal sealed class SvidExpiryGauge
{
    public const string InstrumentName = "gateway.svid.expiry_seconds";

    public SvidExpiryGauge(IMeterFactory meterFactory, CredentialStore store, TimeProvider timeProvider)
    {
        // The factory hands out one shared meter per name, so this lands on the gateway's meter.
        var meter = meterFactory.Create(GatewayMetrics.MeterName);
        meter.CreateObservableGauge(
            InstrumentName,
            () => SvidExpiry.SecondsLeft(store.Current.Svid, timeProvider.GetUtcNow()),
            unit: "s",
            description: "Seconds until the gateway's own X509-SVID expires; it should be renewed long before zero.");
    }
}
