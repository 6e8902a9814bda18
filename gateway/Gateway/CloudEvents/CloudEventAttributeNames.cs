namespace Gateway.CloudEvents;

/// <summary>Names of the CloudEvents 1.0 core attributes and the JSON data members.</summary>
internal static class CloudEventAttributeNames
{
    public const string Id = "id";
    public const string Source = "source";
    public const string SpecVersion = "specversion";
    public const string EventType = "type";
    public const string DataContentType = "datacontenttype";
    public const string DataSchema = "dataschema";
    public const string Subject = "subject";
    public const string Time = "time";

    /// <summary>JSON member holding non-binary data (not an attribute).</summary>
    public const string Data = "data";

    /// <summary>JSON member holding binary data as base64 (not an attribute).</summary>
    public const string DataBase64 = "data_base64";

    /// <summary>The only specversion the gateway accepts (rule C12).</summary>
    public const string SupportedSpecVersion = "1.0";

    /// <summary>REQUIRED attributes (J5, C10-C13), in the order violations are reported.</summary>
    public static readonly string[] Required = [Id, Source, SpecVersion, EventType];

    /// <summary>
    /// True when <paramref name="name"/> has the shape rule C1 demands: 1 or more of a-z and 0-9.
    /// The 20-character limit is a SHOULD and is not enforced.
    /// </summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));
}
