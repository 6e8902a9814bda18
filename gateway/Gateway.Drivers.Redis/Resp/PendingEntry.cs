namespace Gateway.Drivers.Redis.Resp;

/// <summary>One line of the extended <c>XPENDING</c> reply.</summary>
/// <param name="Idle">Time since the entry was last delivered to <paramref name="Consumer"/>.</param>
/// <param name="DeliveryCount">How many times the group has delivered it (reads plus claims).</param>
internal sealed record PendingEntry(string Id, string Consumer, TimeSpan Idle, long DeliveryCount);
