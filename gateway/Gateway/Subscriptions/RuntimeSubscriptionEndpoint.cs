using System.Text.Json;
using Gateway.Authentication;
using Gateway.Delivery;
using Gateway.Publishing;
using Gateway.Pubsub;
using Gateway.Scopes;

namespace Gateway.Subscriptions;

/// <summary>
/// The gateway's runtime subscription API (docs/api.md): an authenticated app declares, lists and
/// deletes its own subscriptions. The same checks as every other source apply (the pubsub must exist
/// for the app, the subscribe scope must allow the topic, routes must compile); accepted ones are
/// stored before the answer, so they survive a restart, and start delivering at once.
/// </summary>
internal sealed class RuntimeSubscriptionEndpoint(
    SubscriptionCatalog catalog,
    FileSubscriptionStore store,
    SubscriptionManager manager,
    ComponentRegistry registry)
{
    public const string Prefix = "/v1.0-alpha1/subscriptions";

    public async Task CreateAsync(HttpContext context, Caller caller)
    {
        var app = catalog.FindApp(new AppKey(caller.Namespace, caller.AppId));
        if (app is null)
        {
            await Error(400, "ERR_APP_NOT_DECLARED",
                $"app '{caller.AppId}' in namespace '{caller.Namespace}' has no App resource, so the gateway does not know where to deliver; declare one (apiVersion: gateway/v1alpha1, kind: App)").WriteAsync(context.Response);
            return;
        }

        if (await RequestBody.ReadAsync(context.Request, context.RequestAborted) is not { } body)
        {
            await Error(413, "ERR_SUBSCRIPTION_INVALID", $"the request body is larger than the limit of {RequestBody.LimitOf(context.Request)} bytes").WriteAsync(context.Response);
            return;
        }

        var array = new byte[body.Length + 2];
        array[0] = (byte)'[';
        body.CopyTo(array, 1);
        array[^1] = (byte)']';
        string? problem = null;
        List<SubscriptionDefinition> parsed = [];
        if (body.AsSpan().Trim(" \t\r\n"u8) is not [(byte)'{', ..])
        {
            problem = "the body must be one JSON object";
        }
        else if (!ProgrammaticSubscriptionParser.TryParse(array, caller.Namespace, out parsed, out _, out var error))
        {
            problem = error;
        }
        else if (parsed.Count == 0)
        {
            problem = "it declares no route: give 'route' or 'routes'";
        }

        if (problem is not null)
        {
            await Error(400, "ERR_SUBSCRIPTION_INVALID",
                $"not a valid subscription ({{\"pubsubname\",\"topic\",\"route\" or \"routes\",\"deadLetterTopic\",\"metadata\"}}): {problem}").WriteAsync(context.Response);
            return;
        }

        var definition = parsed[0];
        var component = registry.Find(caller.Namespace, caller.AppId, definition.PubsubName);
        if (component is null)
        {
            await DaprErrors.PubsubNotFound(definition.PubsubName, new Dictionary<string, string>()).WriteAsync(context.Response);
            return;
        }

        if (!component.Scopes.Check(caller.AppId, definition.Topic, ScopeOperation.Subscribe).Allowed)
        {
            await DaprErrors.Forbidden(component.Name, definition.Topic, caller.AppId).WriteAsync(context.Response);
            return;
        }

        var key = new AppKey(caller.Namespace, caller.AppId);
        var updated = catalog.Runtime(key).Where(d => !SameTopic(d, definition.PubsubName, definition.Topic)).Append(definition).ToList();
        await SaveAndApplyAsync(key, updated, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        context.Response.Headers.Location = $"{Prefix}/{Uri.EscapeDataString(definition.PubsubName)}/{Uri.EscapeDataString(definition.Topic)}";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        SubscriptionJson.Write(writer, definition);
    }

    public async Task ListAsync(HttpContext context, Caller caller)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(SubscriptionJson.ToArray(catalog.Runtime(new AppKey(caller.Namespace, caller.AppId))));
    }

    public async Task DeleteAsync(HttpContext context, Caller caller, string pubsub, string topic)
    {
        var key = new AppKey(caller.Namespace, caller.AppId);
        var current = catalog.Runtime(key);
        if (!current.Any(d => SameTopic(d, pubsub, topic)))
        {
            await Error(404, "ERR_SUBSCRIPTION_NOT_FOUND", $"app '{caller.AppId}' has no runtime subscription to topic '{topic}' on pubsub '{pubsub}'").WriteAsync(context.Response);
            return;
        }

        await SaveAndApplyAsync(key, [.. current.Where(d => !SameTopic(d, pubsub, topic))], context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task SaveAndApplyAsync(AppKey key, List<SubscriptionDefinition> definitions, CancellationToken cancellationToken)
    {
        var all = catalog.AllRuntime();
        all[key] = definitions;
        await store.SaveAsync(all, cancellationToken);
        catalog.SetRuntime(key, definitions);
        if (catalog.FindApp(key) is { } app)
        {
            await manager.ReconcileAsync(app, cancellationToken);
        }
    }

    private static bool SameTopic(SubscriptionDefinition definition, string pubsub, string topic) =>
        definition.PubsubName == pubsub && definition.Topic == topic;

    private static DaprError Error(int status, string code, string message) => new(status, code, message, null, null, null);
}
