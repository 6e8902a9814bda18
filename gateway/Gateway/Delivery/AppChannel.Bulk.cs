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
        await _backoff.WaitAsync(cancellationToken);
        using var slot = await _limiter.AcquireAsync(cancellationToken);
        try
        {
            var answer = await SendAsync(HttpMethod.Post, path, body, contentType, headers, cancellationToken);
            _backoff.Answered();
            return answer;
        }
        catch (HttpRequestException ex)
        {
            _backoff.Unreachable();
            if (CertificateRefusal(ex) is { } refusal)
            {
                throw new HttpRequestException(refusal, ex);
            }

            throw;
        }
    }
}
