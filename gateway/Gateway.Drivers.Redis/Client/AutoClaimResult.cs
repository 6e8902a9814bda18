namespace Gateway.Drivers.Redis.Client;

/// <summary>One <c>XAUTOCLAIM</c> call.</summary>
/// <param name="Claimed">Entries now pending for the claiming consumer.</param>
/// <param name="Deleted">IDs that were pending but no longer exist in the stream (trimmed or deleted); Redis 7 drops them from the pending list itself.</param>
/// <param name="NextStart">Where the next call continues; <c>0-0</c> when the pending list was scanned to its end.</param>
internal sealed record AutoClaimResult(IReadOnlyList<StreamEntry> Claimed, IReadOnlyList<string> Deleted, string NextStart)
{
    public const string Beginning = "0-0";

    public bool ScanComplete => NextStart == Beginning;
}
