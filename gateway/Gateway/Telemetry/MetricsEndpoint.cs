using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Telemetry;

/// <summary>
/// <c>GET /metrics</c> on the separate plain-HTTP metrics port, and nothing else there: other paths
/// get 404, other methods 405. Connections accepted on that port are marked when they open, so the
/// request pipeline can tell them from the mTLS port whatever port numbers were picked.
/// </summary>
internal sealed class MetricsEndpoint(GatewayMeterCollector collector)
{
    public const string Path = "/metrics";

    private static readonly object ConnectionMarker = new();

    /// <summary>Makes <paramref name="listen"/> the metrics port: HTTP/1.1, no TLS, connections marked.</summary>
    public static void Configure(ListenOptions listen)
    {
        listen.Protocols = HttpProtocols.Http1;
        listen.Use(next => connection =>
        {
            connection.Items[ConnectionMarker] = ConnectionMarker;
            return next(connection);
        });
    }

    /// <summary>True when the request came in on the metrics port.</summary>
    public static bool IsMetricsConnection(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(ConnectionMarker) == true;

    public async Task HandleAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.Path.Value, Path, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            return;
        }

        var body = PrometheusTextFormatter.Format(collector.Collect());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PrometheusTextFormatter.ContentType;
        context.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }
}
