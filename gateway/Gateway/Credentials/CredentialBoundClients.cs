namespace Gateway.Credentials;

/// <summary>
/// An <see cref="HttpClient"/> per credential set for outbound mTLS: when <see cref="CredentialStore"/>
/// swaps in new credentials, the next request gets a client built with them (new connections present the
/// new SVID and its intermediates), while requests already running finish on the old client, which is
/// disposed when its last request ends.
/// </summary>
internal sealed class CredentialBoundClients(Func<GatewayCredentials> credentials, Func<GatewayCredentials, HttpClient> createClient) : IDisposable
{
    private readonly Lock _gate = new();
    private Generation? _current;
    private bool _disposed;

    /// <summary>Borrows the client for the current credentials; dispose the lease when the request is done.</summary>
    public Lease Acquire()
    {
        var now = credentials();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is null || !ReferenceEquals(_current.Credentials, now))
            {
                _current?.Retire();
                _current = new Generation(now, createClient(now));
            }

            _current.Users++;
            return new Lease(this, _current);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _current?.Retire();
            _current = null;
        }
    }

    private void Release(Generation generation)
    {
        lock (_gate)
        {
            generation.Users--;
            generation.DisposeIfIdle();
        }
    }

    /// <summary>One borrowed client.</summary>
    internal readonly struct Lease(CredentialBoundClients owner, Generation generation) : IDisposable
    {
        public HttpClient Client => generation.Client;

        /// <summary>The credentials the client presents.</summary>
        public GatewayCredentials Credentials => generation.Credentials;

        public void Dispose() => owner.Release(generation);
    }

    /// <summary>A client and the credentials it was built with; touched only under the owner's lock.</summary>
    internal sealed class Generation(GatewayCredentials credentials, HttpClient client)
    {
        private bool _retired;

        public GatewayCredentials Credentials { get; } = credentials;

        public HttpClient Client { get; } = client;

        public int Users { get; set; }

        public void Retire()
        {
            _retired = true;
            DisposeIfIdle();
        }

        public void DisposeIfIdle()
        {
            if (_retired && Users == 0)
            {
                Client.Dispose();
            }
        }
    }
}
