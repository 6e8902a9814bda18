using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>A Subscription's <c>topic</c> and <c>deadLetterTopic</c> must be topics apps may use (<see cref="TopicNames"/>).</summary>
internal sealed class SubscriptionTopicRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        foreach (var (subscription, _) in resources.Subscriptions)
        {
            foreach (var (field, topic) in new[] { ("topic", subscription.Topic), ("deadLetterTopic", subscription.DeadLetterTopic) })
            {
                if (topic is not null && TopicNames.Problem(topic) is { } problem)
                {
                    diagnostics.AddError(new ResourceError(
                        subscription.Location.File, subscription.Location.Line, subscription.Name, ResourceKinds.Subscription, $"'spec.{field}': {problem}"));
                }
            }
        }
    }
}
