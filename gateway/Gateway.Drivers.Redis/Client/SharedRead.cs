using System.Net;

namespace Gateway.Drivers.Redis.Client;

/// <summary>
/// One <c>XREADGROUP</c> of a <see cref="SharedReadLane"/> under way: which streams it names and how to wake it
/// (the reader connection's <c>CLIENT ID</c>, once its reply is in). Guarded by the lane's lock.
/// </summary>
internal sealed class SharedRead(IReadOnlyList<string> streams)
{
    private readonly HashSet<string> _streams = [.. streams];
    private bool _wakeWanted;
    private bool _wakeSent;

    public IReadOnlyList<string> Streams { get; } = streams;

    /// <summary>The server the read went to; set with <see cref="ClientId"/>.</summary>
    public EndPoint? Endpoint { get; private set; }

    public long? ClientId { get; private set; }

    public bool Names(string stream) => _streams.Contains(stream);

    /// <summary>A request for a stream this read does not name arrived; true when the caller should send the wake-up now.</summary>
    public bool WantWake()
    {
        _wakeWanted = true;
        return TakeWake();
    }

    /// <summary>The connection's id is known; true when a wake-up wanted earlier should be sent now.</summary>
    public bool Identified(long clientId, EndPoint endpoint)
    {
        ClientId = clientId;
        Endpoint = endpoint;
        return _wakeWanted && TakeWake();
    }

    private bool TakeWake()
    {
        if (_wakeSent || ClientId is null || Endpoint is null)
        {
            return false;
        }

        _wakeSent = true;
        return true;
    }
}
