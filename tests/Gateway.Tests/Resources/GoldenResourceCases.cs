using Gateway.Drivers;
using System.Globalization;
using Gateway.Resources;

namespace Gateway.Tests.Resources;

/// <summary>
/// Runs the loader on <c>testassets/resources/&lt;case&gt;/</c> and renders what a user would see:
/// every error and warning, and for a valid folder a line per loaded resource.
/// </summary>
internal static class GoldenResourceCases
{
    public const string ExpectedFileName = "expected.txt";

    public static string CaseDirectory(string caseName) =>
        Path.Combine(RepositoryRoot(), "tests", "Gateway.Tests", "testassets", "resources", caseName);

    public static string Render(ResourceLoadResult result)
    {
        var lines = new List<string>();
        lines.AddRange(result.Errors.Select(error => $"error: {error}"));
        lines.AddRange(result.Warnings.Select(warning => $"warning: {warning}"));
        if (result.Resources is { } set)
        {
            lines.AddRange(set.Components.Select(Describe));
            lines.AddRange(set.Subscriptions.Select(Describe));
            lines.AddRange(set.Apps.Select(Describe));
            lines.AddRange(set.Resiliencies.Select(Describe));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string Describe(ComponentSpec component) =>
        $"component {component.Namespace}/{component.Name} type={component.Type} version={component.Version} " +
        $"metadata=[{string.Join(", ", component.Metadata.Select(pair => $"{pair.Key}={(component.SecretKeys.Contains(pair.Key) ? "<secret>" : pair.Value)}"))}] scopes=[{string.Join(",", component.Scopes)}] at {component.Location}";

    private static string Describe(SubscriptionSpec subscription) =>
        $"subscription {subscription.Namespace}/{subscription.Name} {subscription.ApiVersion} pubsub={subscription.PubsubName} topic={subscription.Topic} " +
        $"rules=[{string.Join("; ", subscription.Rules.Select(rule => $"{rule.Match ?? "<default>"} -> {rule.Path}"))}] " +
        $"deadLetter={subscription.DeadLetterTopic ?? "-"} metadata=[{string.Join(", ", subscription.Metadata.Select(pair => $"{pair.Key}={pair.Value}"))}] " +
        $"bulk={(subscription.BulkSubscribe is { } bulk ? $"{bulk.Enabled}/{bulk.MaxMessagesCount}/{bulk.MaxAwaitDurationMs}" : "-")} scopes=[{string.Join(",", subscription.Scopes)}] at {subscription.Location}";

    private static string Describe(AppSpec app) =>
        $"app {app.Namespace}/{app.Name} appId={app.AppId} baseUrl={app.BaseUrl} spiffeId={app.SpiffeId ?? "-"} " +
        $"allowInsecure={app.AllowInsecure} maxConcurrency={app.MaxConcurrency.ToString(CultureInfo.InvariantCulture)} at {app.Location}";

    private static string Describe(ResiliencySpec resiliency)
    {
        var timeouts = resiliency.Timeouts.Select(pair => $"{pair.Key}={GoDuration.Format(pair.Value)}");
        var retries = resiliency.Retries.Select(pair =>
            $"{pair.Key}={pair.Value.Policy}/{GoDuration.Format(pair.Value.Duration)}/{GoDuration.Format(pair.Value.MaxInterval)}/{pair.Value.MaxRetries}" +
            $"/http[{string.Join(",", pair.Value.MatchingHttpStatusCodes)}]/grpc[{string.Join(",", pair.Value.MatchingGrpcStatusCodes)}]");
        var breakers = resiliency.CircuitBreakers.Select(pair =>
            $"{pair.Key}={pair.Value.MaxRequests}/{GoDuration.Format(pair.Value.Interval)}/{GoDuration.Format(pair.Value.Timeout)}/{pair.Value.Trip}");
        var targets = resiliency.ComponentTargets.Select(pair => $"{pair.Key}=in:{Describe(pair.Value.Inbound)},out:{Describe(pair.Value.Outbound)}");
        return $"resiliency {resiliency.Namespace}/{resiliency.Name} timeouts=[{string.Join(", ", timeouts)}] retries=[{string.Join(", ", retries)}] " +
            $"circuitBreakers=[{string.Join(", ", breakers)}] targets=[{string.Join(", ", targets)}] scopes=[{string.Join(",", resiliency.Scopes)}] at {resiliency.Location}";
    }

    private static string Describe(PolicyReferencesSpec? policies) =>
        policies is null ? "-" : $"{policies.Timeout ?? "-"}/{policies.Retry ?? "-"}/{policies.CircuitBreaker ?? "-"}";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gateway.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Gateway.sln above {AppContext.BaseDirectory}; the golden tests run from inside the repository.");
    }
}
