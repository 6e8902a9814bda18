using System.Text.Json;

using Gateway.Resources;

namespace Gateway.Subscriptions;

/// <summary>
/// Keeps the runtime subscriptions of pubsub components whose driver has no record store of its own
/// (<c>pubsub.in-memory</c>) in one JSON file, so they survive a restart. The file is read once at start
/// and then owned by this process: every change rewrites it through a temporary file and an atomic
/// rename, so a crash never leaves half a file.
/// </summary>
internal sealed class FileSubscriptionStore(string path)
{
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly Lock _lock = new();
    private Dictionary<AppKey, List<SubscriptionDefinition>> _apps = [];

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Every record held, as of the last load or change.</summary>
    public IReadOnlyList<RuntimeSubscriptionRecord> Records
    {
        get
        {
            lock (_lock)
            {
                return [.. _apps.SelectMany(pair => pair.Value.Select(definition => new RuntimeSubscriptionRecord(pair.Key, definition)))];
            }
        }
    }

    /// <summary>Reads the file. A missing file is an empty store; a broken one is an error naming the file.</summary>
    public void Load()
    {
        var result = new Dictionary<AppKey, List<SubscriptionDefinition>>();
        if (File.Exists(Path))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
                foreach (var app in document.RootElement.GetProperty("apps").EnumerateObject())
                {
                    var separator = app.Name.IndexOf('/', StringComparison.Ordinal);
                    var key = new AppKey(app.Name[..separator], app.Name[(separator + 1)..]);
                    if (!ProgrammaticSubscriptionParser.TryParse(System.Text.Encoding.UTF8.GetBytes(app.Value.GetRawText()), key.Namespace, out var definitions, out _, out var error))
                    {
                        throw new InvalidDataException(error);
                    }

                    result[key] = definitions;
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException or ArgumentOutOfRangeException)
            {
                throw new InvalidDataException($"the runtime subscription store '{Path}' is not readable: {ex.Message}; fix or remove the file", ex);
            }
        }

        lock (_lock)
        {
            _apps = result;
        }
    }

    /// <summary>Adds the record, or replaces the app's subscription to the same pubsub and topic; returns once the file is written.</summary>
    public Task PutAsync(RuntimeSubscriptionRecord record, CancellationToken cancellationToken) =>
        ChangeAsync(record.App, definitions =>
        {
            var index = definitions.FindIndex(d => d.PubsubName == record.Definition.PubsubName && d.Topic == record.Definition.Topic);
            if (index < 0)
            {
                definitions.Add(record.Definition);
            }
            else
            {
                definitions[index] = record.Definition;
            }
        }, cancellationToken);

    /// <summary>Removes the app's subscription to <paramref name="pubsub"/> and <paramref name="topic"/>, if any; returns once the file is written.</summary>
    public Task DeleteAsync(AppKey app, string pubsub, string topic, CancellationToken cancellationToken) =>
        ChangeAsync(app, definitions => definitions.RemoveAll(d => d.PubsubName == pubsub && d.Topic == topic), cancellationToken);

    private async Task ChangeAsync(AppKey app, Action<List<SubscriptionDefinition>> change, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            Dictionary<AppKey, List<SubscriptionDefinition>> next;
            lock (_lock)
            {
                next = _apps.ToDictionary(pair => pair.Key, pair => pair.Value.ToList());
            }

            var definitions = next.GetValueOrDefault(app) ?? [];
            change(definitions);
            next[app] = definitions;
            try
            {
                await WriteAsync(next, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new RuntimeSubscriptionStoreException($"the runtime subscription file '{Path}' could not be written: {ex.Message}", isTransient: false, ex);
            }

            lock (_lock)
            {
                _apps = next;
            }
        }
        finally
        {
            _write.Release();
        }
    }

    private async Task WriteAsync(Dictionary<AppKey, List<SubscriptionDefinition>> apps, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        await using (var stream = File.Create(temporary))
        await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("apps");
            foreach (var (key, definitions) in apps.Where(pair => pair.Value.Count > 0).OrderBy(pair => pair.Key.ToString(), StringComparer.Ordinal))
            {
                writer.WriteStartArray(key.ToString());
                foreach (var definition in definitions)
                {
                    SubscriptionJson.Write(writer, definition);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
