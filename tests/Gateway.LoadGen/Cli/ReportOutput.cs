using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.LoadGen.Report;

namespace Gateway.LoadGen.Cli;

/// <summary>Writes a report as JSON (to a file and/or standard output) and as markdown tables.</summary>
internal static class ReportOutput
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(BenchReport report) => JsonSerializer.Serialize(report, Json);

    public static async Task WriteFileAsync(string path, string content)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, content);
    }
}
