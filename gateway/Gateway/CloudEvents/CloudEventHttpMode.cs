namespace Gateway.CloudEvents;

/// <summary>The three HTTP content modes of the CloudEvents HTTP binding (H1).</summary>
internal enum CloudEventHttpMode
{
    /// <summary>Attributes in <c>ce-</c> headers, data in the body.</summary>
    Binary,

    /// <summary>The whole event in the body, in an event format.</summary>
    Structured,

    /// <summary>Several events in the body, in a batch format.</summary>
    Batched,
}
