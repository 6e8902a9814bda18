using System.Text.Json;

namespace Gateway.Subscriptions;

/// <summary>
/// Keeps the subscriptions declared through the runtime API in one JSON file, so they survive a
/// restart. Every change rewrites the file through a temporary file and an atomic rename, so a crash
/// never leaves half a file. One gateway process owns the file: replicas that must share runtime
/// subscriptions need a shared folder (or a broker-backed store).
/// </summary>
internal sealed class FileSubscriptionStore(string path)
{
    private readonly SemaphoreSlim _write = new(1, 1);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Everything stored, per app. A missing file is an empty store; a broken one is an error naming the file.</summary>
    public Dictionary<AppKey, List<SubscriptionDefinition>> Load()
    {
        var result = new Dictionary<AppKey, List<SubscriptionDefinition>>();
        if (!File.Exists(Path))
        {
            return result;
        }

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

            return result;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"the runtime subscription store '{Path}' is not readable: {ex.Message}; fix or remove the file", ex);
        }
    }

    public async Task SaveAsync(IReadOnlyDictionary<AppKey, IReadOnlyList<SubscriptionDefinition>> apps, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var temporary = Path + ".tmp";
            await using (var stream = File.Create(temporary))
            await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("apps");
                foreach (var (key, definitions) in apps.OrderBy(pair => pair.Key.ToString(), StringComparer.Ordinal))
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
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            _write.Release();
        }
    }
}
