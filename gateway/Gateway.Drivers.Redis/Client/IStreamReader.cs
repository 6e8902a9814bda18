namespace Gateway.Drivers.Redis.Client;

/// <summary>Blocking group reads of one stream, never on the shared connection, which they would stall.</summary>
internal interface IStreamReader : IAsyncDisposable
{
    /// <summary>
    /// <c>XREADGROUP GROUP group consumer COUNT count BLOCK ms STREAMS stream &gt;</c>: new entries only,
    /// empty when none arrived within <paramref name="block"/>. Cancelling gives up the read (entries the server
    /// handed out meanwhile stay pending for the group).
    /// </summary>
    Task<IReadOnlyList<StreamEntry>> ReadGroupAsync(string group, string consumer, int count, TimeSpan block, CancellationToken cancellationToken);
}
