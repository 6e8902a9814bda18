using YamlDotNet.RepresentationModel;

namespace Gateway.Resources.Parsing;

/// <summary>Reads and checks the fields every resource shares: apiVersion, kind, metadata, scopes, auth.</summary>
internal static class ResourceHeaderParser
{
    private static readonly string[] TopLevelFields = ["apiVersion", "kind", "metadata", "spec", "scopes", "auth"];
    private static readonly string[] MetadataFields = ["name", "namespace", "labels", "annotations"];
    private static readonly string[] AuthFields = ["secretStore"];

    public static ResourceHeader Parse(YamlMappingNode root, DocumentContext context)
    {
        var reader = new MappingReader(root, string.Empty, context, TopLevelFields);
        var apiVersion = reader.RequiredString("apiVersion", "set it to the version of the kind, for example dapr.io/v1alpha1");
        var kind = reader.RequiredString("kind", "set it to Component, Subscription, Resiliency or App");

        string? name = null;
        var resourceNamespace = ResourceHeader.DefaultNamespace;
        if (reader.Mapping("metadata", MetadataFields) is { } metadata)
        {
            name = ReadName(metadata, "name", "give the resource a name");
            if (metadata.Has("namespace"))
            {
                resourceNamespace = ReadName(metadata, "namespace", "remove it to use 'default'") ?? resourceNamespace;
            }

            metadata.StringMap("labels");
            metadata.StringMap("annotations");
        }
        else if (!reader.Has("metadata"))
        {
            reader.ReportMissing("metadata", "add 'metadata:' with at least 'name:'");
        }

        var scopes = reader.StringList("scopes");
        string? secretStore = null;
        var secretStoreLine = DocumentContext.LineOf(root);
        if (reader.Mapping("auth", AuthFields) is { } auth && auth.Has("secretStore"))
        {
            secretStoreLine = auth.LineOf("secretStore");
            secretStore = auth.String("secretStore") is { Length: > 0 } store ? store.Trim() : null;
            if (kind != ResourceKinds.Component)
            {
                context.Warning(secretStoreLine, $"'auth.secretStore' has no effect on a {kind ?? "resource"}: only Component metadata reads secrets; remove it");
            }
        }

        return new ResourceHeader(apiVersion, kind, name, resourceNamespace, scopes, reader, context.LocationOf(root))
        {
            SecretStore = secretStore,
            SecretStoreLine = secretStoreLine,
        };
    }

    private static string? ReadName(MappingReader metadata, string field, string whatToDo)
    {
        var value = metadata.RequiredString(field, whatToDo);
        if (value is null)
        {
            return null;
        }

        if (value.Contains('/') || value.Trim() != value)
        {
            metadata.Context.Error(metadata.LineOf(field), $"'{metadata.PathOf(field)}' is '{value}', which is not a valid name; use letters, digits, '-', '_' or '.', without '/' or surrounding spaces");
            return null;
        }

        return value;
    }
}
