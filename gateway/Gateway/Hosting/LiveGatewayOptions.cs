using Gateway.Drivers;
using System.Text.Json;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Gateway.Hosting;

/// <summary>
/// The gateway's settings while it runs. When the configuration reloads (appsettings.json changed on disk)
/// the <c>Gateway</c> section is bound again and compared with the previous binding: changed live settings
/// (<see cref="ReloadableSetting.Live"/>) apply to new requests and deliveries; changed restart-only ones
/// are logged once each and keep their running value. A file that is not valid JSON, or a value that does
/// not bind or makes no sense, is logged and the last good settings stay.
/// </summary>
internal sealed partial class LiveGatewayOptions : IOptions<GatewayOptions>, IDisposable
{
    private static readonly JsonDocumentOptions JsonFileRules = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly IConfiguration _configuration;
    private readonly IReadOnlyList<string> _files;
    private readonly ILogger<LiveGatewayOptions> _logger;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private GatewayOptions _current;
    private GatewayOptions _bound;

    public LiveGatewayOptions(GatewayOptions startup, IConfiguration configuration, IReadOnlyList<string> files, ILogger<LiveGatewayOptions> logger)
    {
        _current = startup;
        _configuration = configuration;
        _files = files;
        _logger = logger;
        _bound = Bind(configuration) ?? new GatewayOptions();
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    /// <summary>The settings in force now.</summary>
    public GatewayOptions Value => Volatile.Read(ref _current);

    /// <summary>
    /// The JSON files behind <paramref name="configuration"/> (appsettings.json and its environment variant).
    /// A reload of a broken file must not throw on the file watcher's thread: it is checked and reported here.
    /// </summary>
    public static IReadOnlyList<string> WatchedFiles(IConfigurationBuilder configuration)
    {
        var files = new List<string>();
        foreach (var source in configuration.Sources.OfType<JsonConfigurationSource>())
        {
            source.OnLoadException = context => context.Ignore = true;
            if (source.FileProvider?.GetFileInfo(source.Path ?? "").PhysicalPath is { } path)
            {
                files.Add(path);
            }
        }

        return files;
    }

    public void Dispose() => _subscription.Dispose();

    private void Reload()
    {
        lock (_gate)
        {
            foreach (var file in _files.Where(File.Exists))
            {
                if (InvalidJson(file) is { } problem)
                {
                    LogKept(_logger, $"'{file}' is not valid JSON: {problem}");
                    return;
                }
            }

            GatewayOptions? next;
            try
            {
                next = Bind(_configuration);
            }
            catch (InvalidOperationException ex)
            {
                LogKept(_logger, ex.InnerException?.Message is { } inner ? $"{ex.Message} {inner}" : ex.Message);
                return;
            }

            next ??= new GatewayOptions();
            if (Problem(next) is { } invalid)
            {
                LogKept(_logger, invalid);
                return;
            }

            var updated = _current.Copy();
            foreach (var setting in ReloadableSetting.Live.Where(setting => setting.Changed(_bound, next)))
            {
                setting.Apply!(updated, next);
                LogApplied(_logger, setting.Name, setting.Text(next));
            }

            foreach (var setting in ReloadableSetting.RestartOnly.Where(setting => setting.Changed(_bound, next)))
            {
                LogRestartNeeded(_logger, setting.Name, setting.Text(_current));
            }

            _bound = next;
            Volatile.Write(ref _current, updated);
        }
    }

    private static GatewayOptions? Bind(IConfiguration configuration) =>
        configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>();

    private static string? InvalidJson(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file), JsonFileRules);
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : "the top level must be an object";
        }
        catch (JsonException ex)
        {
            return ex.Message;
        }
        catch (IOException ex)
        {
            return ex.Message;
        }
    }

    private static string? Problem(GatewayOptions options) =>
        options.MaxRequestBodyBytes <= 0 ? $"Gateway:MaxRequestBodyBytes must be a positive number of bytes, not {options.MaxRequestBodyBytes}"
        : options.DeliveryTimeout <= TimeSpan.Zero ? $"Gateway:DeliveryTimeout must be positive, not {options.DeliveryTimeout}"
        : options.DiscoveryInterval <= TimeSpan.Zero ? $"Gateway:DiscoveryInterval must be positive, not {options.DiscoveryInterval}"
        : null;

    [LoggerMessage(EventId = EventIds.LiveGatewayOptions.Applied, Level = LogLevel.Information, Message = "Setting '{Setting}' changed to {Value}; it applies to new requests and deliveries")]
    private static partial void LogApplied(ILogger logger, string setting, string value);

    [LoggerMessage(EventId = EventIds.LiveGatewayOptions.RestartNeeded, Level = LogLevel.Warning, Message = "Setting '{Setting}' changed in the configuration; restart to apply. The gateway keeps using {Value}")]
    private static partial void LogRestartNeeded(ILogger logger, string setting, string value);

    [LoggerMessage(EventId = EventIds.LiveGatewayOptions.Kept, Level = LogLevel.Error, Message = "Changed settings not applied; the last good settings stay in use: {Reason}")]
    private static partial void LogKept(ILogger logger, string reason);
}
