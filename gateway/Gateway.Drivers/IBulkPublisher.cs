namespace Gateway.Drivers;

/// <summary>Optional capability: store many messages in one broker call.</summary>
public interface IBulkPublisher
{
    /// <summary>
    /// Stores every entry. Returns the entries that failed (empty when all were stored); an entry
    /// not listed was stored and acknowledged by the broker.
    /// </summary>
    ValueTask<IReadOnlyList<BulkPublishFailure>> PublishBulkAsync(IReadOnlyList<BulkPublishEntry> entries, CancellationToken cancellationToken);
}

/// <summary>One entry of a bulk publish.</summary>
public sealed record BulkPublishEntry(string EntryId, PublishRequest Request);

/// <summary>An entry that was not stored, and why.</summary>
public sealed record BulkPublishFailure(string EntryId, DriverException Error);
