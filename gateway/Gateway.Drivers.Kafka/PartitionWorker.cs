using System.Threading.Channels;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Gateway.Drivers.Kafka;

/// <summary>
/// Handles the records of one assigned partition in offset order, one at a time, each holding one
/// of the subscription's handler slots while its handler runs. A record that is not acknowledged is
/// handled again in place after a back-off, so the partition waits for it (Kafka's at-least-once).
/// </summary>
internal sealed class PartitionWorker
{
    private readonly Channel<ConsumeResult<byte[]?, byte[]?>> _queue = Channel.CreateUnbounded<ConsumeResult<byte[]?, byte[]?>>(new() { SingleReader = true, SingleWriter = true });
    private readonly PartitionContext _context;
    private readonly CancellationTokenSource _noMoreRecords = new();
    private readonly CancellationTokenSource _cancelHandlers = new();
    private Task _run = Task.CompletedTask;
    private int _queued;

    public PartitionWorker(TopicPartition partition, PartitionContext context)
    {
        Partition = partition;
        _context = context;
    }

    public TopicPartition Partition { get; }

    /// <summary>Records read but not yet finished, the one being handled included.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Set by the consume loop while it has paused fetching for this partition.</summary>
    public bool Paused { get; set; }

    public void Start() => _run = Task.Run(RunAsync);

    /// <summary>Hands a record over; called by the consume loop in offset order.</summary>
    public void Enqueue(ConsumeResult<byte[]?, byte[]?> record)
    {
        _context.Committer.Track(Partition, record.Offset.Value);
        Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite(record);
    }

    /// <summary>
    /// Takes no further record, lets the one being handled finish for up to <paramref name="grace"/>
    /// (less if <paramref name="hurry"/> fires), then cancels it and waits for it to return. What was
    /// not finished stays unacknowledged and below the partition's watermark.
    /// </summary>
    public async Task StopAsync(TimeSpan grace, CancellationToken hurry)
    {
        _queue.Writer.TryComplete();
        await _noMoreRecords.CancelAsync();
        if (grace > TimeSpan.Zero && !_run.IsCompleted)
        {
            try
            {
                await _run.WaitAsync(grace, _context.TimeProvider, hurry);
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
            {
                // Took too long: cancelled below.
            }
        }

        await _cancelHandlers.CancelAsync();
        await _run;
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var record in _queue.Reader.ReadAllAsync(_noMoreRecords.Token))
            {
                if (!await HandleUntilAcknowledgedAsync(record))
                {
                    return;
                }

                Interlocked.Decrement(ref _queued);
            }
        }
        catch (OperationCanceledException) when (_noMoreRecords.IsCancellationRequested)
        {
            // Stopping between records.
        }
    }

    /// <summary>Returns false when the worker was stopped before the record was acknowledged.</summary>
    private async Task<bool> HandleUntilAcknowledgedAsync(ConsumeResult<byte[]?, byte[]?> record)
    {
        for (var delivery = 1; ; delivery++)
        {
            await _context.Slots.WaitAsync(_noMoreRecords.Token);
            MessageOutcome? outcome;
            Exception? failure = null;
            try
            {
                outcome = await _context.Handler(KafkaRecordLayout.ToBrokerMessage(record, delivery, _context.Headers), _cancelHandlers.Token);
            }
            catch (OperationCanceledException) when (_cancelHandlers.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception exception)
            {
                (outcome, failure) = (null, exception);
            }
            finally
            {
                _context.Slots.Release();
            }

            if (outcome == MessageOutcome.Acknowledge)
            {
                _context.Committer.Complete(Partition, record.Offset.Value);
                return true;
            }

            if (_noMoreRecords.IsCancellationRequested)
            {
                return false;
            }

            var delay = _context.Backoff.Delay(delivery);
            KafkaLog.HandlerFailed(_context.Logger, failure, _context.ComponentName, KafkaRecordLayout.MessageId(record.TopicPartitionOffset), record.Topic, _context.ConsumerGroup, delivery, delay);
            await Task.Delay(delay, _context.TimeProvider, _noMoreRecords.Token);
        }
    }
}
