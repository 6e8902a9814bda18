using Dapr.Client.Autogen.Grpc.v1;
using Gateway.Metadata;
using Gateway.Subscriptions;

namespace Gateway.GrpcApi;

/// <summary>A caller's metadata as Dapr's <c>GetMetadataResponse</c>: the same facts <c>GET /v1.0/metadata</c> gives.</summary>
internal static class GrpcMetadata
{
    public static GetMetadataResponse Write(CallerMetadataView view)
    {
        var response = new GetMetadataResponse { Id = view.Caller.AppId, RuntimeVersion = CallerMetadata.RuntimeVersion };
        foreach (var component in view.Components)
        {
            response.RegisteredComponents.Add(new RegisteredComponents
            {
                Name = component.Name,
                Type = component.Spec.Type,
                Version = component.Spec.Version,
                Capabilities = { component.Capabilities },
            });
        }

        response.ExtendedMetadata["gatewayVersion"] = CallerMetadata.RuntimeVersion;
        response.ExtendedMetadata["spiffeId"] = view.Caller.SpiffeId;
        response.ExtendedMetadata["namespace"] = view.Caller.Namespace;
        foreach (var definition in view.Subscriptions)
        {
            var subscription = new PubsubSubscription
            {
                PubsubName = definition.PubsubName,
                Topic = definition.Topic,
                DeadLetterTopic = definition.DeadLetterTopic ?? "",
                Type = TypeOf(definition.Type),
                Metadata = { definition.Metadata.ToDictionary() },
            };
            if (definition.Rules.Count > 0)
            {
                subscription.Rules = new PubsubSubscriptionRules();
                subscription.Rules.Rules.Add(definition.Rules.Select(rule => new PubsubSubscriptionRule { Match = rule.Match ?? "", Path = rule.Path }));
            }

            response.Subscriptions.Add(subscription);
        }

        return response;
    }

    private static PubsubSubscriptionType TypeOf(SubscriptionType type) => type switch
    {
        SubscriptionType.Declarative => PubsubSubscriptionType.Declarative,
        SubscriptionType.Programmatic => PubsubSubscriptionType.Programmatic,
        SubscriptionType.Streaming => PubsubSubscriptionType.Streaming,
        _ => PubsubSubscriptionType.Unknown,
    };
}
