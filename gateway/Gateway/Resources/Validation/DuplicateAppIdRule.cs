using Gateway.Resources.Parsing;

namespace Gateway.Resources.Validation;

/// <summary>An app ID may have only one App per namespace, or deliveries would have two addresses.</summary>
internal sealed class DuplicateAppIdRule : IResourceSetRule
{
    public void Check(ParsedResources resources, LoadDiagnostics diagnostics)
    {
        var firstSeen = new Dictionary<(string Namespace, string AppId), AppSpec>();
        foreach (var app in resources.Apps)
        {
            if (firstSeen.TryAdd((app.Namespace, app.AppId), app))
            {
                continue;
            }

            var first = firstSeen[(app.Namespace, app.AppId)];
            diagnostics.AddError(new ResourceError(
                app.Location.File,
                app.Location.Line,
                app.Name,
                ResourceKinds.App,
                $"app ID '{app.AppId}' in namespace '{app.Namespace}' is already described by App '{first.Name}' at {first.Location}; merge them or give one a different spec.appId"));
        }
    }
}
