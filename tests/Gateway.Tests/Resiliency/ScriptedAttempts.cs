using Gateway.Resiliency;

namespace Gateway.Tests.Resiliency;

/// <summary>
/// An app that answers delivery attempts from a script, one reply per attempt, repeating the last
/// reply once the script runs out; it counts the attempts it saw.
/// </summary>
internal sealed class ScriptedAttempts(params AppReply[] replies)
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public Task<AppReply> AttemptAsync(CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _attempts) - 1;
        return Task.FromResult(replies[Math.Min(index, replies.Length - 1)]);
    }

    /// <summary>An attempt that never answers, so only a timeout or cancellation ends it.</summary>
    public async Task<AppReply> HangAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("an infinite wait ended without cancellation");
    }
}
