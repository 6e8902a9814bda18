using Gateway.Authentication;
using Gateway.Credentials;
using Gateway.Drivers;
using Gateway.Publishing;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Subscriptions;

namespace Gateway.Metadata;

/// <summary>
/// <c>GET /v1.0/healthz</c> and <c>GET /v1.0/healthz/outbound</c> (spec/dapr-pubsub.md §8.2). Both are
/// answered without a client certificate, for orchestrator probes. The gateway serves requests only
/// after its resources are loaded and its subscriptions started, so an answer means ready, unless the
/// gateway's own SVID has expired (rotation failed): then it is not. Every answer carries the SVID's
/// expiry in <c>X-Gateway-Svid-Not-After</c> and the credential source's state in <c>X-Gateway-Credentials</c>
/// (<see cref="CredentialStore.Describe"/>).
/// </summary>
internal sealed class HealthEndpoints(ComponentRegistry registry, SubscriptionCatalog catalog, CredentialStore credentials, TimeProvider timeProvider)
{
    public async Task HealthzAsync(HttpContext context)
    {
        var notAfter = new DateTimeOffset(credentials.Current.Svid.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        context.Response.Headers["X-Gateway-Svid-Not-After"] = notAfter.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-Gateway-Credentials"] = credentials.Describe();
        if (notAfter <= timeProvider.GetUtcNow())
        {
            await new DaprError(500, "ERR_HEALTH_NOT_READY", $"dapr is not ready: [the gateway's own SVID expired at {notAfter:yyyy-MM-ddTHH:mm:ssZ}]", null, null, null).WriteAsync(context.Response);
            return;
        }

        var appId = context.Request.Query["appid"].ToString();
        if (appId.Length > 0 && !IsKnownApp(context, appId))
        {
            await new DaprError(500, "ERR_HEALTH_APPID_NOT_MATCH", "dapr app-id does not match", null, null, null).WriteAsync(context.Response);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async Task OutboundAsync(HttpContext context)
    {
        foreach (var component in registry.All)
        {
            if (component.Driver is IDriverHealth health && await health.CheckAsync(context.RequestAborted) is { } problem)
            {
                context.Response.Headers["X-Gateway-Unhealthy"] = $"{component.Name}: {problem}";
                await new DaprError(500, "ERR_OUTBOUND_HEALTH_NOT_READY", "dapr outbound is not ready", null, null, null).WriteAsync(context.Response);
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private bool IsKnownApp(HttpContext context, string appId) =>
        context.Features.Get<CallerFeature>()?.Caller.AppId == appId
        || catalog.Apps.Any(app => string.Equals(app.AppId, appId, StringComparison.Ordinal));
}
