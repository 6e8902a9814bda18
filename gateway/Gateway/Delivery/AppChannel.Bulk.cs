using System.Net.Http.Headers;
using System.Security.Authentication;

namespace Gateway.Delivery;

/// <summary>The request bulk delivery needs: the app's whole reply, status and body, not one delivery's verdict.</summary>
internal sealed partial class AppChannel
{
    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="path"/> and returns the HTTP status and the reply body
    /// (at most 64 KiB). Transport failures throw <see cref="HttpRequestException"/> with the reason.
    /// A batch counts as one request against the app's concurrency limit and honours its back-off.
    /// </summary>
    public async Task<(int Status, byte[] Body)> PostForReplyAsync(string path, ReadOnlyMemory<byte> body, string contentType, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUri, path.TrimStart('/')));
        request.Content = new ReadOnlyMemoryContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        await _backoff.WaitAsync(cancellationToken);
        using var slot = await _limiter.AcquireAsync(cancellationToken);
        using var lease = _clients.Acquire();
        try
        {
            using var response = await lease.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            _backoff.Answered();
            return ((int)response.StatusCode, await ReadReplyAsync(response.Content, cancellationToken));
        }
        catch (HttpRequestException ex)
        {
            _backoff.Unreachable();
            if (ex.InnerException is AuthenticationException && _lastCertificateRefusal is { } refusal)
            {
                throw new HttpRequestException($"the app's certificate was refused: {refusal}", ex);
            }

            throw;
        }
    }
}
