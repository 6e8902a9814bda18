using System.Net.Http.Headers;
using Gateway.LoadGen.Load;

namespace Gateway.LoadGen.Targets;

/// <summary>One worker on a shared <see cref="HttpClient"/>: a new body array per request, as HttpClient users write it.</summary>
internal sealed class HttpClientSender(HttpClient client, Uri uri, byte[] body) : IMessageSender
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly int[] _stampOffsets = Payload.StampOffsets(body);

    public async ValueTask<string?> SendAsync(long stamp, CancellationToken cancellationToken)
    {
        var bytes = (byte[])body.Clone();
        Payload.Write(bytes, _stampOffsets, stamp);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = Json;
        try
        {
            using var response = await client.PostAsync(uri, content, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"http {(int)response.StatusCode}";
        }
        catch (HttpRequestException)
        {
            return "io";
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
