using Gateway.Authentication;
using Gateway.Credentials;
using Gateway.Drivers;
using Gateway.Publishing;
using Gateway.Pubsub;
using Gateway.Resources;

namespace Gateway.Metadata;

/// <summary>
/// <c>GET /v1.0/healthz</c> and <c>GET /v1.0/healthz/outbound</c> (Dapr's health API, https://docs.dapr.io/reference/api/health_api/). Both are
/// answered without a client certificate, for orchestrator probes. The gateway serves requests only
/// after its resources are loaded and its subscriptions started, so an answer means ready, unless the
/// gateway's own SVID has expired (rotation failed): then it is not. Every answer carries the SVID's
/// expiry in <c>X-Gateway-Svid-Not-After</c> and the credential source's state in <c>X-Gateway-Credentials</c>
/// (<see cref="CredentialStore.Describe"/>; only <c>state=...</c> to callers without credentials). <c>?appid=X</c> matches only the caller's own app ID (as a
/// sidecar's own), so a bare probe learns nothing about which apps exist; the outbound answer names the
/// unhealthy component and why (<c>X-Gateway-Unhealthy</c>) only to authenticated callers.
/// </summary>
internal sealed class HealthEndpoints(ComponentRegistry registry, CredentialStore credentials, TimeProvider timeProvider)
{
    public async Task HealthzAsync(HttpContext context, Caller? caller)
    {
        var notAfter = new DateTimeOffset(credentials.Current.Svid.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        context.Response.Headers["X-Gateway-Svid-Not-After"] = notAfter.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        // Where the credentials come from and why they are stale is for authenticated callers; a bare probe gets the state.
        context.Response.Headers["X-Gateway-Credentials"] = caller is null ? credentials.DescribeState() : credentials.Describe();
        if (notAfter <= timeProvider.GetUtcNow())
        {
            await new DaprError(500, "ERR_HEALTH_NOT_READY", $"dapr is not ready: [the gateway's own SVID expired at {notAfter:yyyy-MM-ddTHH:mm:ssZ}]", null, null, null).WriteAsync(context.Response);
            return;
        }

        var appId = context.Request.Query["appid"].ToString();
        if (appId.Length > 0 && appId != caller?.AppId)
        {
            await new DaprError(500, "ERR_HEALTH_APPID_NOT_MATCH", "dapr app-id does not match", null, null, null).WriteAsync(context.Response);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public async Task OutboundAsync(HttpContext context, Caller? caller)
    {
        foreach (var component in registry.All)
        {
            if (component.Driver is IDriverHealth health && await health.CheckAsync(context.RequestAborted) is { } problem)
            {
                if (caller is not null)
                {
                    context.Response.Headers["X-Gateway-Unhealthy"] = $"{component.Name}: {problem}";
                }

                await new DaprError(500, "ERR_OUTBOUND_HEALTH_NOT_READY", "dapr outbound is not ready", null, null, null).WriteAsync(context.Response);
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
