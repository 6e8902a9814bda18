using Gateway.Drivers;

namespace Gateway.Publishing;

/// <summary>The answer to a bulk publish: a request error, or the entries the broker did not take (none: all stored).</summary>
internal sealed record BulkPublishOutcome(DaprError? Error, IReadOnlyList<BulkPublishFailure> Failed)
{
    public static BulkPublishOutcome Refused(DaprError error) => new(error, []);

    public static BulkPublishOutcome Stored { get; } = new(null, []);
}
