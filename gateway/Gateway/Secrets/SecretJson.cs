using System.Text.Json;

namespace Gateway.Secrets;

/// <summary>
/// Dapr's <c>local.file</c> reading of a JSON object: nested objects and arrays are flattened into one level,
/// their keys joined with the separator (<c>{"redis":{"password":"x"}}</c> gives <c>redis:password</c>, an
/// array's items are numbered from 0), and every leaf becomes text. Problems never quote the file's content.
/// </summary>
internal static class SecretJson
{
    /// <summary>Parses <paramref name="json"/>; null with <paramref name="problem"/> when it is not a JSON object.</summary>
    public static JsonDocument? Parse(byte[] json, out string problem)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                problem = "";
                return document;
            }

            problem = $"the file holds a JSON {Describe(document.RootElement.ValueKind)}, not an object of secrets";
            document.Dispose();
            return null;
        }
        catch (JsonException ex)
        {
            // The exception's own message quotes the offending text, which may be part of a secret.
            problem = $"the file is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
            return null;
        }
    }

    /// <summary>
    /// Adds every leaf under <paramref name="element"/> to <paramref name="into"/>, its key <paramref name="path"/>
    /// joined with the nested keys; false with <paramref name="problem"/> when two leaves get the same key.
    /// </summary>
    public static bool Flatten(JsonElement element, string path, string separator, Dictionary<string, string> into, out string problem)
    {
        problem = "";
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Flatten(property.Value, Join(path, property.Name, separator), separator, into, out problem))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (!Flatten(item, Join(path, index++.ToString(System.Globalization.CultureInfo.InvariantCulture), separator), separator, into, out problem))
                    {
                        return false;
                    }
                }

                return true;
            default:
                if (into.TryAdd(path, Text(element)))
                {
                    return true;
                }

                problem = $"the key '{path}' is given twice (nested keys are joined with '{separator}')";
                return false;
        }
    }

    /// <summary>A leaf as text: strings as they are, numbers as written, <c>true</c>/<c>false</c>, null as empty.</summary>
    public static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.Null => "",
        _ => element.GetRawText(),
    };

    private static string Join(string path, string key, string separator) => path.Length == 0 ? key : path + separator + key;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "list",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "value",
    };
}
