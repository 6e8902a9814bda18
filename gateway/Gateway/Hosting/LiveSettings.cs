using Microsoft.Extensions.Options;

namespace Gateway.Hosting;

/// <summary>
/// One feature's settings contract (<typeparamref name="TSettings"/>, implemented by <see cref="GatewayOptions"/>)
/// as that feature injects it: always the settings in force now, so live changes reach it.
/// </summary>
internal sealed class LiveSettings<TSettings>(LiveGatewayOptions live) : IOptions<TSettings>
    where TSettings : class
{
    public TSettings Value => (TSettings)(object)live.Value;
}
