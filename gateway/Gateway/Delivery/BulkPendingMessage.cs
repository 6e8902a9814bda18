using Gateway.Drivers;

namespace Gateway.Delivery;

/// <summary>A message whose handler waits for its batch's outcome; cancelled when the handler's token is.</summary>
internal sealed class BulkPendingMessage(BrokerMessage message, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<MessageOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BrokerMessage Message { get; } = message;

    /// <summary>The token of the handler call that waits; a batch is cancelled when any of its members' tokens is.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<MessageOutcome> Outcome => _outcome.Task;

    public bool IsDone => _outcome.Task.IsCompleted;

    public CancellationTokenRegistration Registration { get; set; }

    public void Complete(MessageOutcome outcome) => _outcome.TrySetResult(outcome);

    /// <summary>Ends the wait with <see cref="OperationCanceledException"/>, so the driver leaves the message unacknowledged.</summary>
    public void Cancel() => _outcome.TrySetCanceled(CancellationToken.IsCancellationRequested ? CancellationToken : new CancellationToken(true));

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
