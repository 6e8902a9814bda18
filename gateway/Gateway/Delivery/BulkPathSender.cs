namespace Gateway.Delivery;

/// <summary>
/// Sends the entries of one batch that share a route path as one POST, under the subscription's inbound
/// policy. When the policy retries, only the entries still marked for retry are sent again (as Dapr's bulk
/// resiliency does); without a policy there is one attempt, and retried entries are left to the broker.
/// </summary>
internal sealed class BulkPathSender(DeliveryTarget target, IInboundPolicy policy, Func<TimeSpan> attemptTimeout)
{
    /// <summary>The app's final verdict on each entry, in the order given, and the last reply's explanation.</summary>
    public async Task<(AppReplyStatus[] Statuses, string Detail)> SendAsync(string path, IReadOnlyList<BulkEntry> entries, CancellationToken cancellationToken)
    {
        var statuses = Enumerable.Repeat(AppReplyStatus.Retry, entries.Count).ToArray();
        var detail = "";
        await policy.ExecuteAsync(
            async token =>
            {
                var remaining = Enumerable.Range(0, entries.Count).Where(index => statuses[index] == AppReplyStatus.Retry).ToList();
                var reply = await AttemptAsync(path, remaining.Select(index => entries[index]), token);
                foreach (var index in remaining)
                {
                    statuses[index] = reply.StatusOf(entries[index].EntryId);
                }

                detail = reply.Detail;
                return remaining.Any(index => statuses[index] == AppReplyStatus.Retry)
                    ? new AppReply(AppReplyStatus.Retry, reply.HttpStatus, reply.Detail)
                    : new AppReply(AppReplyStatus.Success, reply.HttpStatus, "delivered");
            },
            cancellationToken);
        return (statuses, detail);
    }

    private async Task<BulkReply> AttemptAsync(string path, IEnumerable<BulkEntry> entries, CancellationToken cancellationToken)
    {
        var body = BulkEnvelope.Write(target.Definition.Topic, target.Component.Name, entries);
        var headers = new[] { new KeyValuePair<string, string>("Pubsubname", target.Component.Name) };
        var limit = attemptTimeout();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            var (status, reply) = await target.Channel.PostForReplyAsync(path, body, BulkEnvelope.ContentType, headers, timeout.Token);
            return BulkReply.Interpret(status, reply);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return BulkReply.NoAnswer($"the app did not answer within {limit.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            return BulkReply.NoAnswer($"cannot deliver to the app at {target.App.BaseUrl}: {ex.Message}");
        }
    }
}
