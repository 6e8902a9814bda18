using Gateway.Credentials;
using Gateway.Identity;
using Gateway.Resources;

namespace Gateway.Delivery;

/// <summary>One <see cref="AppChannel"/> per app, shared by deliveries and subscription discovery.</summary>
internal sealed class AppChannels(CredentialStore credentials, IdShapes idShapes, TimeProvider timeProvider) : IDisposable
{
    private readonly Dictionary<AppKey, AppChannel> _channels = [];
    private readonly Lock _lock = new();

    public AppChannel For(AppSpec app)
    {
        var key = new AppKey(app.Namespace, app.AppId);
        lock (_lock)
        {
            if (!_channels.TryGetValue(key, out var channel))
            {
                channel = new AppChannel(app, ExpectedIdOf(app), () => credentials.Current, timeProvider);
                _channels[key] = channel;
            }

            return channel;
        }
    }

    /// <summary>The SPIFFE ID an app must present: its <c>spec.spiffeId</c>, else the one its shape derives.</summary>
    public SpiffeId ExpectedIdOf(AppSpec app) =>
        app.SpiffeId is { } configured && SpiffeId.TryParse(configured, out var parsed, out _)
            ? parsed
            : idShapes.ExpectedId(credentials.Current.Id.TrustDomain, app.Namespace, app.AppId);

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var channel in _channels.Values)
            {
                channel.Dispose();
            }

            _channels.Clear();
        }
    }
}
