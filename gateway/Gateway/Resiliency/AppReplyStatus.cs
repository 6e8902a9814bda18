namespace Gateway.Resiliency;

/// <summary>What an app's answer to one delivery means (Dapr's delivery to apps, https://docs.dapr.io/reference/api/pubsub_api/#provide-routes-for-dapr-to-deliver-topic-events).</summary>
internal enum AppReplyStatus
{
    /// <summary>Delivered: acknowledge.</summary>
    Success,

    /// <summary>Not delivered yet: retry per policy, then dead-letter or leave for redelivery.</summary>
    Retry,

    /// <summary>The app refused it for good (DROP or 404): acknowledge, dead-letter first if configured.</summary>
    Drop,
}
