namespace Gateway.LoadGen.Load;

/// <summary>How a run offers load.</summary>
internal enum LoadMode
{
    /// <summary>Each worker sends the next message when the previous one was answered.</summary>
    Closed,

    /// <summary>Messages at fixed intervals, whatever the answers (open loop), latency from the due time.</summary>
    Rate,

    /// <summary>Closed loop with a new mTLS connection for every request: handshake cost.</summary>
    Handshake,

    /// <summary>Nothing is sent: what the server costs at rest (its CPU over the window, its connections).</summary>
    Idle,
}
