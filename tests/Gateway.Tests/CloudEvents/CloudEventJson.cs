using System.Text;
using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

/// <summary>Builds JSON-format CloudEvents for tests from a valid base event and raw member overrides.</summary>
internal static class CloudEventJson
{
    private static readonly (string Name, string Raw)[] BaseMembers =
    [
        ("specversion", "\"1.0\""),
        ("id", "\"A234-1234-1234\""),
        ("source", "\"/mycontext\""),
        ("type", "\"com.example.someevent\""),
    ];

    /// <summary>
    /// The base event with <paramref name="name"/> set to the raw JSON <paramref name="rawValue"/>
    /// (replacing a base member of that name), or removed when <paramref name="rawValue"/> is null.
    /// </summary>
    public static byte[] With(string name, string? rawValue)
    {
        var members = BaseMembers.Where(m => m.Name != name).Select(m => $"\"{m.Name}\":{m.Raw}").ToList();
        if (rawValue is not null)
        {
            members.Add($"\"{name}\":{rawValue}");
        }

        return Encoding.UTF8.GetBytes("{" + string.Join(",", members) + "}");
    }

    /// <summary>The base event followed by extra raw members, for example <c>"data":1,"data_base64":"AQ=="</c>.</summary>
    public static byte[] WithMembers(string rawMembers) =>
        Encoding.UTF8.GetBytes("{" + string.Join(",", BaseMembers.Select(m => $"\"{m.Name}\":{m.Raw}")) + "," + rawMembers + "}");

    /// <summary>Asserts exactly one violation, naming the table row and every violation on failure.</summary>
    public static CloudEventViolation Single(string caseName, IReadOnlyList<CloudEventViolation> violations)
    {
        Assert.True(violations.Count == 1, $"{caseName}: expected one violation, got {violations.Count}: {string.Join(" | ", violations)}");
        return violations[0];
    }
}
