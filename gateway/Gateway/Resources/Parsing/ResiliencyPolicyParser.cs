using Gateway.Drivers;
using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Reads <c>spec.policies</c> of a <c>Resiliency</c>: timeouts, retries and circuit breakers.</summary>
internal static class ResiliencyPolicyParser
{
    private static readonly string[] RetryFields = ["policy", "duration", "maxInterval", "maxRetries", "matching"];
    private static readonly string[] MatchingFields = ["httpStatusCodes", "gRPCStatusCodes"];
    private static readonly string[] BreakerFields = ["maxRequests", "interval", "timeout", "trip"];

    public static Dictionary<string, TimeSpan> ReadTimeouts(MappingReader policies)
    {
        var timeouts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (name, node, path, line) in policies.NamedEntries("timeouts"))
        {
            var text = (node as YamlScalarNode)?.Value;
            if (text is not null && GoDuration.TryParse(text.Trim(), out var timeout) && timeout > TimeSpan.Zero)
            {
                timeouts[name] = timeout;
            }
            else
            {
                policies.Context.Error(line, $"timeout '{path}' must be {GoDuration.ExpectedForm}, more than zero, but is {Shown(node, text)}");
            }
        }

        return timeouts;
    }

    public static Dictionary<string, RetryPolicySpec> ReadRetries(MappingReader policies)
    {
        var retries = new Dictionary<string, RetryPolicySpec>(StringComparer.Ordinal);
        foreach (var (name, node, path, line) in policies.NamedEntries("retries"))
        {
            if (AsMapping(node, path, line, RetryFields, policies.Context) is { } retry && ReadRetry(retry) is { } spec)
            {
                retries[name] = spec;
            }
        }

        return retries;
    }

    public static Dictionary<string, CircuitBreakerPolicySpec> ReadCircuitBreakers(MappingReader policies)
    {
        var breakers = new Dictionary<string, CircuitBreakerPolicySpec>(StringComparer.Ordinal);
        foreach (var (name, node, path, line) in policies.NamedEntries("circuitBreakers"))
        {
            if (AsMapping(node, path, line, BreakerFields, policies.Context) is not { } breaker)
            {
                continue;
            }

            breakers[name] = new CircuitBreakerPolicySpec(
                breaker.Int("maxRequests", minimum: 0) ?? CircuitBreakerPolicySpec.DefaultMaxRequests,
                breaker.Duration("interval") ?? TimeSpan.Zero,
                breaker.Duration("timeout") ?? CircuitBreakerPolicySpec.DefaultTimeout,
                breaker.String("trip") is { Length: > 0 } trip ? trip : CircuitBreakerPolicySpec.DefaultTrip);
        }

        return breakers;
    }

    private static RetryPolicySpec? ReadRetry(MappingReader retry)
    {
        var policy = retry.String("policy");
        RetryBackoff? backoff = policy?.ToLowerInvariant() switch
        {
            null => RetryBackoff.Constant,
            "constant" => RetryBackoff.Constant,
            "exponential" => RetryBackoff.Exponential,
            _ => null,
        };
        if (backoff is null)
        {
            retry.Context.Error(retry.LineOf("policy"), $"'{retry.PathOf("policy")}' is '{policy}'; use constant or exponential");
            return null;
        }

        var duration = retry.Duration("duration") ?? RetryPolicySpec.DefaultDuration;
        var maxInterval = retry.Duration("maxInterval") ?? RetryPolicySpec.DefaultMaxInterval;
        var maxRetries = retry.Int("maxRetries", minimum: RetryPolicySpec.Unlimited) ?? RetryPolicySpec.Unlimited;
        IReadOnlyList<StatusCodeRange> http = [];
        IReadOnlyList<StatusCodeRange> grpc = [];
        if (retry.Mapping("matching", MatchingFields) is { } matching)
        {
            http = ReadCodes(matching, "httpStatusCodes", 100, 599);
            grpc = ReadCodes(matching, "gRPCStatusCodes", 0, 16);
        }

        return new RetryPolicySpec(backoff.Value, duration, maxInterval, maxRetries, http, grpc);
    }

    private static IReadOnlyList<StatusCodeRange> ReadCodes(MappingReader matching, string field, int minimum, int maximum)
    {
        var text = matching.String(field);
        if (text is null)
        {
            return [];
        }

        if (StatusCodeRangeParser.TryParse(text, minimum, maximum, out var ranges, out var problem))
        {
            return ranges;
        }

        matching.Context.Error(matching.LineOf(field), $"'{matching.PathOf(field)}' is not a valid code list: {problem}; write codes from {minimum} to {maximum} separated by commas, such as \"429,500-599\"");
        return [];
    }

    private static MappingReader? AsMapping(YamlNode node, string path, int line, IReadOnlyList<string> fields, DocumentContext context)
    {
        if (node is YamlMappingNode mapping)
        {
            return new MappingReader(mapping, path, context, fields);
        }

        context.Error(line, $"'{path}' must be a mapping with the fields {string.Join(", ", fields)}, but {YamlValues.Describe(node)} was given");
        return null;
    }

    private static string Shown(YamlNode node, string? text) => text is null ? YamlValues.Describe(node) : $"'{text}'";
}
