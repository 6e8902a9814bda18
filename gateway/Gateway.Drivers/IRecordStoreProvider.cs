namespace Gateway.Drivers;

/// <summary>
/// Optional capability: a small keyed record store kept in the component's own broker, so that every
/// gateway replica using the component reads the same records and they survive a restart of the
/// gateway. The gateway keeps its runtime subscriptions there. A driver whose broker lives inside the
/// process (such as <c>pubsub.in-memory</c>) does not offer it; the gateway uses a local file then.
/// </summary>
public interface IRecordStoreProvider
{
    /// <summary>
    /// Opens the store called <paramref name="name"/> (letters, digits, <c>.</c>, <c>_</c> and <c>-</c>,
    /// at most <see cref="RecordStoreNames.MaxLength"/> characters). Connects nowhere: broker failures show
    /// in the store's operations. Every driver instance on the same broker opening the same name sees the
    /// same records. The store lives at most as long as the driver; disposing the driver closes it.
    /// </summary>
    /// <exception cref="ArgumentException">The name breaks the rules above.</exception>
    IRecordStore OpenRecordStore(string name);
}
