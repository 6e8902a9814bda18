using System.CommandLine;
using System.Text.Json;
using Gateway.Pubsub;
using Gateway.Resources;
using Gateway.Scopes;

namespace Gateway.Cli;

/// <summary>
/// <c>gateway scopes check</c>: the same decision the HTTP path makes, explained. Prints one JSON line
/// <c>{"allowed":...,"reason":"..."}</c>; exit 0 allowed, 3 denied, 1 invalid resources or no such pubsub for the app.
/// </summary>
internal static class ScopesCommand
{
    public const int Denied = 3;

    public static Command Create()
    {
        var resourcesPath = new Option<string>("--resources-path") { Description = "Folder of resource YAML files.", DefaultValueFactory = _ => "./components" };
        var pubsub = new Option<string>("--pubsub") { Description = "Component name.", Required = true };
        var topic = new Option<string>("--topic") { Description = "Topic as the app names it.", Required = true };
        var appId = new Option<string>("--app-id") { Description = "The app ID of the caller.", Required = true };
        var operation = new Option<string>("--operation") { Description = "publish or subscribe.", Required = true };
        operation.AcceptOnlyFromAmong("publish", "subscribe");
        var ns = new Option<string>("--namespace") { Description = "The caller's namespace.", DefaultValueFactory = _ => "default" };
        var check = new Command("check", "Explain whether an app may publish or subscribe to a topic.") { resourcesPath, pubsub, topic, appId, operation, ns };
        check.SetAction(parseResult => Run(
            parseResult.GetValue(resourcesPath)!, parseResult.GetValue(ns)!, parseResult.GetValue(appId)!, parseResult.GetValue(pubsub)!,
            parseResult.GetValue(topic)!, parseResult.GetValue(operation) == "publish" ? ScopeOperation.Publish : ScopeOperation.Subscribe,
            Console.Out, Console.Error));
        return new Command("scopes", "Topic scoping tools.") { check };
    }

    internal static int Run(string directory, string @namespace, string appId, string pubsubName, string topic, ScopeOperation operation, TextWriter stdout, TextWriter stderr)
    {
        var loaded = ResourceLoader.Load(directory, DriverCatalog.Default);
        if (loaded.Errors.Count > 0)
        {
            foreach (var error in loaded.Errors)
            {
                stderr.WriteLine(error);
            }

            return 1;
        }

        var component = ComponentVisibility.Find(loaded.Resources!.Components, @namespace, appId, pubsubName);
        if (component is null)
        {
            Write(stdout, false, $"pubsub '{pubsubName}' does not exist for app '{appId}' in namespace '{@namespace}' (a publish would get 404 ERR_PUBSUB_NOT_FOUND)");
            return 1;
        }

        var decision = TopicScopes.Parse(component.Metadata).Check(appId, topic, operation);
        Write(stdout, decision.Allowed, decision.Reason);
        return decision.Allowed ? 0 : Denied;
    }

    private static void Write(TextWriter stdout, bool allowed, string reason)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the reason quotes names ('orders'), which a terminal should show as written.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allowed", allowed);
            writer.WriteString("reason", reason);
            writer.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
