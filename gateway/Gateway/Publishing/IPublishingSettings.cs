namespace Gateway.Publishing;

/// <summary>The settings the publish path reads (keys of the <c>Gateway</c> configuration section), live.</summary>
internal interface IPublishingSettings
{
    /// <summary>Most entries one bulk publish request may carry. Default 100,000.</summary>
    int MaxBulkPublishEntries { get; }
}
