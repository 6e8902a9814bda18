using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Reads the <c>spec</c> of a <c>Resiliency</c> and checks that targets name existing policies.</summary>
internal static class ResiliencyParser
{
    private static readonly string[] SpecFields = ["policies", "targets"];
    private static readonly string[] PolicyFields = ["timeouts", "retries", "circuitBreakers"];
    private static readonly string[] TargetFields = ["components", "apps", "actors"];
    private static readonly string[] ComponentTargetFields = ["inbound", "outbound"];
    private static readonly string[] DirectionFields = ["timeout", "retry", "circuitBreaker"];

    public static ResiliencySpec? Parse(ResourceHeader header)
    {
        var spec = header.Spec(SpecFields, "add 'spec:' with 'policies:' and 'targets:'");
        if (spec is null)
        {
            return null;
        }

        var policies = spec.Mapping("policies", PolicyFields);
        var timeouts = policies is null ? [] : ResiliencyPolicyParser.ReadTimeouts(policies);
        var retries = policies is null ? [] : ResiliencyPolicyParser.ReadRetries(policies);
        var breakers = policies is null ? [] : ResiliencyPolicyParser.ReadCircuitBreakers(policies);
        // Names are taken as written, so a policy with a bad value does not also make its targets fail.
        var names = new PolicyNames(DefinedNames(policies, "timeouts"), DefinedNames(policies, "retries"), DefinedNames(policies, "circuitBreakers"));

        var targets = new Dictionary<string, ComponentResiliencyTargetSpec>(StringComparer.Ordinal);
        if (spec.Mapping("targets", TargetFields) is { } targetReader)
        {
            foreach (var ignored in new[] { "apps", "actors" }.Where(targetReader.Has))
            {
                spec.Context.Warning(targetReader.LineOf(ignored), $"'{targetReader.PathOf(ignored)}' is ignored: the gateway applies resiliency to pub/sub components only");
            }

            foreach (var (name, node, path, line) in targetReader.NamedEntries("components"))
            {
                if (node is not YamlMappingNode mapping)
                {
                    spec.Context.Error(line, $"'{path}' must be a mapping with 'inbound' and/or 'outbound', but {YamlValues.Describe(node)} was given");
                    continue;
                }

                var target = new MappingReader(mapping, path, spec.Context, ComponentTargetFields);
                targets[name] = new ComponentResiliencyTargetSpec(ReadDirection(target, "inbound", names), ReadDirection(target, "outbound", names));
            }
        }

        return header.Name is null
            ? null
            : new ResiliencySpec(header.Name, header.Namespace, timeouts, retries, breakers, targets, header.Scopes, header.Location);
    }

    private static PolicyReferencesSpec? ReadDirection(MappingReader target, string field, PolicyNames names)
    {
        if (target.Mapping(field, DirectionFields) is not { } direction)
        {
            return null;
        }

        return new PolicyReferencesSpec(
            ReadReference(direction, "timeout", "timeouts", names.Timeouts),
            ReadReference(direction, "retry", "retries", names.Retries),
            ReadReference(direction, "circuitBreaker", "circuitBreakers", names.CircuitBreakers));
    }

    private static string? ReadReference(MappingReader direction, string field, string policyKind, IReadOnlySet<string> defined)
    {
        var name = direction.String(field);
        if (name is null || defined.Contains(name))
        {
            return name;
        }

        var known = defined.Count == 0 ? "none are defined" : $"defined: {string.Join(", ", defined.Order(StringComparer.Ordinal))}";
        direction.Context.Error(direction.LineOf(field), $"'{direction.PathOf(field)}' refers to '{name}', which is not in 'spec.policies.{policyKind}' ({known}); define it there or fix the name");
        return null;
    }

    private static HashSet<string> DefinedNames(MappingReader? policies, string field) =>
        policies is not null && YamlValues.Peek(policies.Node, field) is YamlMappingNode mapping
            ? mapping.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value ?? string.Empty).ToHashSet(StringComparer.Ordinal)
            : [];

    private sealed record PolicyNames(IReadOnlySet<string> Timeouts, IReadOnlySet<string> Retries, IReadOnlySet<string> CircuitBreakers);
}
