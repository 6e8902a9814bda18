namespace Gateway.Resiliency;

/// <summary>Which way a message travels through a component: the two halves of a resiliency target.</summary>
internal enum PolicyDirection
{
    /// <summary>Delivering a received message to an app (<c>targets.components.&lt;name&gt;.inbound</c>).</summary>
    Inbound,

    /// <summary>Publishing to the broker (<c>targets.components.&lt;name&gt;.outbound</c>).</summary>
    Outbound,
}
