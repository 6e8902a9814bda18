using System.Text.Json;
using Gateway.Authentication;
using Gateway.Publishing;
using Gateway.Pubsub;
using Gateway.Scopes;

using Gateway.Resources;

namespace Gateway.Subscriptions;

/// <summary>
/// The gateway's runtime subscription API (docs/api.md): an authenticated app declares, lists and
/// deletes its own subscriptions. The same checks as every other source apply (the pubsub must exist
/// for the app, the subscribe scope must allow the topic, routes must compile); accepted ones are
/// stored before the answer (in the pubsub's broker when its driver keeps records, else in the local
/// file), so they survive a restart and reach every replica, and start delivering at once. A store that
/// does not take the change answers 500 and changes nothing.
/// </summary>
internal sealed class RuntimeSubscriptionEndpoint(
    SubscriptionCatalog catalog,
    RuntimeSubscriptionStore store,
    RuntimeSubscriptionSync sync,
    ComponentRegistry registry,
    ScopeGuard scopes,
    RequestBodyReader bodies)
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

        var read = await bodies.ReadAsync(context.Request);
        if (read.Bytes is not { } body)
        {
            await Error(read.Status, "ERR_SUBSCRIPTION_INVALID", read.Reason).WriteAsync(context.Response);
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

        if (!scopes.Allows(component, new ScopedApp(caller.AppId, caller.SpiffeId, caller.Namespace), definition.Topic, ScopeOperation.Subscribe, out _))
        {
            await DaprErrors.Forbidden(component.Name, definition.Topic, caller.AppId).WriteAsync(context.Response);
            return;
        }

        if (ConsumerGroups.Refusal(definition, component, caller.AppId) is { } groupRefusal)
        {
            await Error(403, "ERR_SUBSCRIPTION_FORBIDDEN", groupRefusal).WriteAsync(context.Response);
            return;
        }

        var key = new AppKey(caller.Namespace, caller.AppId);
        if (!await ChangeAsync(context, () => store.SaveAsync(new RuntimeSubscriptionRecord(key, definition), context.RequestAborted)))
        {
            return;
        }

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

        if (await ChangeAsync(context, () => store.DeleteAsync(key, pubsub, topic, context.RequestAborted)))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
    }

    /// <summary>
    /// Makes the change in the store, then applies the stores' view to the catalog and the running
    /// subscriptions. When the store refuses, answers 500 naming the pubsub and returns false: nothing changed.
    /// </summary>
    private async Task<bool> ChangeAsync(HttpContext context, Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (RuntimeSubscriptionStoreException ex)
        {
            var retry = ex.IsTransient ? "try again later" : "this will not pass by itself";
            await Error(500, "ERR_SUBSCRIPTION_STORE", $"the change was not stored, so nothing changed ({retry}): {ex.Message}").WriteAsync(context.Response);
            return false;
        }

        await sync.ApplyAsync(context.RequestAborted);
        return true;
    }

    private static bool SameTopic(SubscriptionDefinition definition, string pubsub, string topic) =>
        definition.PubsubName == pubsub && definition.Topic == topic;

    private static DaprError Error(int status, string code, string message) => new(status, code, message, null, null, null);
}
