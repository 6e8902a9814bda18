namespace Gateway.Drivers.Redis.Resp;

/// <summary><c>XINFO GROUPS</c>: what the server knows of a stream's consumer groups (for the consumer-lag gauge).</summary>
internal interface IRedisGroupInfo
{
    /// <summary>
    /// The <c>lag</c> Redis (7.0 and later) reports for <paramref name="group"/> on <paramref name="stream"/>:
    /// entries not yet delivered to any of its consumers. Null when the group or stream does not exist, or
    /// when the server cannot tell (older servers, or a lag Redis marks as unknown after deletions).
    /// </summary>
    Task<long?> XInfoGroupLagAsync(string stream, string group, CancellationToken cancellationToken);
}
