using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Telemetry.Otlp;

/// <summary>
/// An OTLP/HTTP receiver on a free loopback port: real Kestrel taking <c>POST /v1/traces</c> and
/// <c>POST /v1/metrics</c> as <c>application/x-protobuf</c>, decoding what arrives, answering 200 with an
/// empty export response. Anything else is 404, and a body that is not protobuf is 400 and kept as an error.
/// </summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentQueue<OtlpMetricPoint> _metrics = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private OtlpCollector(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base URL exporters are pointed at, without a path.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    /// <summary>Every data point received; cumulative exports repeat a series with growing values.</summary>
    public IReadOnlyList<OtlpMetricPoint> MetricPoints => [.. _metrics];

    /// <summary>Requests the collector could not take (wrong content type, undecodable body).</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.Run(collector.HandleAsync);
        await app.StartAsync();
        collector.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return collector;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (!HttpMethods.IsPost(context.Request.Method) || path is not ("/v1/traces" or "/v1/metrics"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (context.Request.ContentType != "application/x-protobuf")
        {
            _errors.Enqueue($"{path}: content type '{context.Request.ContentType}'");
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var body = await ReadBodyAsync(context.Request);
        try
        {
            if (path == "/v1/traces")
            {
                foreach (var span in OtlpSpan.Decode(body).ToList())
                {
                    _spans.Enqueue(span);
                }
            }
            else
            {
                foreach (var point in OtlpMetricPoint.Decode(body).ToList())
                {
                    _metrics.Enqueue(point);
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            _errors.Enqueue($"{path}: {ex.Message}");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var body = request.Body;
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
