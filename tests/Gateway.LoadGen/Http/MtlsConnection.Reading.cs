using System.Buffers.Text;

namespace Gateway.LoadGen.Http;

/// <summary>Reading one HTTP/1.1 response: status line, the few headers that matter, the body skipped.</summary>
internal sealed partial class MtlsConnection
{
    private async ValueTask<int> ReadResponseAsync(CancellationToken cancellationToken)
    {
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync(cancellationToken);
        }

        var (status, contentLength, chunked) = ParseHead(_buffer.AsSpan(_start, headerEnd));
        _start += headerEnd + 4;
        if (chunked)
        {
            while (true)
            {
                var sizeLine = await ReadLineAsync(cancellationToken);
                var semicolon = sizeLine.IndexOf(';');
                var size = Convert.ToInt64((semicolon >= 0 ? sizeLine[..semicolon] : sizeLine).Trim(), 16);
                if (size == 0)
                {
                    while ((await ReadLineAsync(cancellationToken)).Length > 0)
                    {
                        // Trailer fields are not needed.
                    }

                    break;
                }

                await SkipAsync(size + 2, cancellationToken);
            }
        }
        else
        {
            await SkipAsync(contentLength, cancellationToken);
        }

        return status;
    }

    private (int Status, long ContentLength, bool Chunked) ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out _))
        {
            throw new IOException($"not an HTTP/1.1 status line: '{System.Text.Encoding.ASCII.GetString(statusLine)}'");
        }

        long contentLength = 0;
        var chunked = false;
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (rest.Length > 0)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (name.SequenceEqual("Content-Length"u8) || System.Text.Ascii.EqualsIgnoreCase(name, "content-length"u8))
            {
                Utf8Parser.TryParse(value, out contentLength, out _);
            }
            else if (System.Text.Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
            {
                chunked = value.IndexOf("chunked"u8) >= 0;
            }
            else if (System.Text.Ascii.EqualsIgnoreCase(name, "connection"u8) && System.Text.Ascii.EqualsIgnoreCase(value, "close"u8))
            {
                Reusable = false;
            }
        }

        return (status, contentLength, chunked);
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        int end;
        while ((end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
        {
            await FillAsync(cancellationToken);
        }

        var line = System.Text.Encoding.ASCII.GetString(_buffer, _start, end);
        _start += end + 2;
        return line;
    }

    private async ValueTask SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken);
            }

            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start == 0)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            else
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
        }

        var read = await _tls.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            throw new IOException("the server closed the connection");
        }

        _end += read;
    }
}
