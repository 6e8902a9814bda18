using Gateway.Authentication;
using Gateway.Metadata;
using Gateway.Publishing;
using Gateway.Resources;
using Gateway.Subscriptions;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Hosting;

/// <summary>
/// Dispatches the Dapr HTTP API. Every decision is taken on one path: the raw request target cleaned the
/// way Dapr's router cleans it (so <c>%2F</c> inside a topic stays part of the topic). Only the exact health
/// paths are answered without a caller; everything else is authenticated first, and anything unmatched
/// gets Dapr's fall-through 404 and reaches no endpoint.
/// </summary>
internal sealed class DaprApiRouter(
    CallerAuthenticator authenticator,
    PublishEndpoint publish,
    BulkPublishEndpoint bulkPublish,
    MetadataEndpoint metadata,
    HealthEndpoints health,
    RuntimeSubscriptionEndpoint subscriptions,
    SubscriptionDiscovery discovery)
{
    public const string HealthPath = "/v1.0/healthz";
    public const string OutboundHealthPath = "/v1.0/healthz/outbound";

    public async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = PublishRoute.CleanPath(queryStart < 0 ? rawTarget : rawTarget[..queryStart]);
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) && path is HealthPath or OutboundHealthPath)
        {
            var prober = authenticator.TryIdentify(context);
            await (path == HealthPath ? health.HealthzAsync(context, prober) : health.OutboundAsync(context, prober));
            return;
        }

        if (await authenticator.AuthenticateAsync(context) is not { } caller)
        {
            return;
        }

        // An app that calls the gateway is up: its first call asks it for its subscriptions at once.
        discovery.Noticed(new AppKey(caller.Namespace, caller.AppId));

        await DispatchAsync(context, caller, method, path, rawTarget);
    }

    private Task DispatchAsync(HttpContext context, Caller caller, string method, string path, string rawTarget)
    {
        if (HttpMethods.IsGet(method) && path == "/v1.0/metadata")
        {
            return metadata.HandleAsync(context, caller);
        }

        if (path == RuntimeSubscriptionEndpoint.Prefix)
        {
            if (HttpMethods.IsGet(method))
            {
                return subscriptions.ListAsync(context, caller);
            }

            if (HttpMethods.IsPost(method))
            {
                return subscriptions.CreateAsync(context, caller);
            }
        }

        if (HttpMethods.IsDelete(method) && SubscriptionRoute.Match(rawTarget) is var (pubsub, topic))
        {
            return subscriptions.DeleteAsync(context, caller, pubsub, topic);
        }

        if ((HttpMethods.IsPost(method) || HttpMethods.IsPut(method)) && PublishRoute.Match(rawTarget) is { } route)
        {
            return route.Kind == PublishRouteKind.Bulk
                ? bulkPublish.HandleAsync(context, route, caller, rawTarget)
                : publish.HandleAsync(context, route, caller, rawTarget);
        }

        return DaprErrors.NoRoute().WriteAsync(context.Response);
    }
}
