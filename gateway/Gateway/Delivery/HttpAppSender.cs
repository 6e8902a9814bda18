using Gateway.CloudEvents;
using Gateway.Resiliency;

namespace Gateway.Delivery;

/// <summary>Deliveries as HTTPS POSTs through the app's <see cref="AppChannel"/> (Dapr's HTTP app protocol).</summary>
internal sealed class HttpAppSender(AppChannel channel) : IAppSender
{
    public Task<AppReply> SendAsync(string path, ReadOnlyMemory<byte> cloudEvent, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken) =>
        channel.PostAsync(path, cloudEvent, CloudEventMediaTypes.StructuredJson, headers, timeout, cancellationToken);

    public async Task<BulkReply> SendBatchAsync(
        string path, string topic, string pubsubName, IReadOnlyList<BulkEntry> entries, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var body = BulkEnvelope.Write(topic, pubsubName, entries);
        using var exchange = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        exchange.CancelAfter(timeout);
        try
        {
            var (status, reply) = await channel.PostForReplyAsync(path, body, BulkEnvelope.ContentType, headers, exchange.Token);
            return BulkReply.Interpret(status, reply);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return BulkReply.NoAnswer($"the app did not answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            return BulkReply.NoAnswer($"cannot deliver to the app at {channel.App.BaseUrl}: {ex.Message}");
        }
    }
}
