using Gateway.Authentication;
using Gateway.Metadata;
using Gateway.Publishing;
using Gateway.Subscriptions;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Hosting;

/// <summary>
/// Dispatches the Dapr HTTP API. Publish paths are matched on the raw request target, as Dapr's router
/// matches them (so <c>%2F</c> inside a topic stays part of the topic); anything unmatched gets Dapr's
/// fall-through 404.
/// </summary>
internal sealed class DaprApiRouter(
    PublishEndpoint publish,
    BulkPublishEndpoint bulkPublish,
    MetadataEndpoint metadata,
    HealthEndpoints health,
    RuntimeSubscriptionEndpoint subscriptions)
{
    public Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        var cleaned = PublishRoute.CleanPath(context.Request.Path.Value ?? "/");
        if (HttpMethods.IsGet(method))
        {
            switch (cleaned)
            {
                case "/v1.0/healthz":
                    return health.HealthzAsync(context);
                case "/v1.0/healthz/outbound":
                    return health.OutboundAsync(context);
                case "/v1.0/metadata":
                    return metadata.HandleAsync(context, CallerOf(context));
            }
        }

        if (cleaned == RuntimeSubscriptionEndpoint.Prefix)
        {
            if (HttpMethods.IsGet(method))
            {
                return subscriptions.ListAsync(context, CallerOf(context));
            }

            if (HttpMethods.IsPost(method))
            {
                return subscriptions.CreateAsync(context, CallerOf(context));
            }
        }

        if (HttpMethods.IsDelete(method) && SubscriptionRoute.Match(rawTarget) is var (pubsub, topic))
        {
            return subscriptions.DeleteAsync(context, CallerOf(context), pubsub, topic);
        }

        if ((HttpMethods.IsPost(method) || HttpMethods.IsPut(method)) && PublishRoute.Match(rawTarget) is { } route)
        {
            return route.Kind == PublishRouteKind.Bulk
                ? bulkPublish.HandleAsync(context, route, CallerOf(context), rawTarget)
                : publish.HandleAsync(context, route, CallerOf(context), rawTarget);
        }

        return DaprErrors.NoRoute().WriteAsync(context.Response);
    }

    private static Caller CallerOf(HttpContext context) =>
        context.Features.Get<CallerFeature>()?.Caller
        ?? throw new InvalidOperationException("the request reached the API without an authenticated caller");
}
