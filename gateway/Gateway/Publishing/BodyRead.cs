namespace Gateway.Publishing;

/// <summary>A request body, or why it was not read.</summary>
/// <param name="Bytes">The whole body; null when it was not read.</param>
/// <param name="Status">When not read: 413 over the limit, else the HTTP status of the client's fault (408 too slow, 400 cut off).</param>
/// <param name="Reason">When not read: why, for the answer.</param>
/// <param name="Limit">When over the limit: the limit in bytes.</param>
internal readonly record struct BodyRead(byte[]? Bytes, int Status, string Reason, long Limit = 0)
{
    public bool IsTooLarge => Bytes is null && Status == StatusCodes.Status413PayloadTooLarge;

    public static BodyRead TooLarge(long limit) => new(null, StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the limit of {limit} bytes", limit);
}
