using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Tests.MetadataParsing;

/// <summary>Every typed reader: what it accepts, and the one message shape of what it refuses.</summary>
public sealed class MetadataEntryTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    public void TryBool_GoSpellings_AreRead(string value, bool expected)
    {
        var (read, problems) = Read(value, (MetadataEntry e, out bool v) => e.TryBool(out v));

        Assert.Empty(problems);
        Assert.Equal(expected, read);
    }

    [Theory]
    [InlineData("5", 1, 10, 5L)]
    [InlineData(" 10 ", 1, 10, 10L)]
    [InlineData("-3", -5, 5, -3L)]
    [InlineData("0", 0, long.MaxValue, 0L)]
    public void TryInteger_InRange_IsRead(string value, long minimum, long maximum, long expected)
    {
        var (read, problems) = Read(value, (MetadataEntry e, out long v) => e.TryInteger(minimum, maximum, out v));

        Assert.Empty(problems);
        Assert.Equal(expected, read);
    }

    [Theory]
    [InlineData("100ms", "GoDuration", 100)]
    [InlineData("1m30s", "GoDuration", 90_000)]
    [InlineData("0", "GoDuration", 0)]
    [InlineData("250", "MillisecondsOrGoDuration", 250)]
    [InlineData("2s", "MillisecondsOrGoDuration", 2000)]
    public void TryDuration_GoDurationsAndMilliseconds_AreRead(string value, string form, int expectedMilliseconds)
    {
        var (read, problems) = Read(value, (MetadataEntry e, out TimeSpan v) => e.TryDuration(Enum.Parse<DurationForm>(form), allowZero: true, out v));

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), read);
    }

    [Theory]
    [InlineData("Sticky", 2)]
    [InlineData("range", 1)]
    public void TryChoice_IgnoresCase(string value, int expected)
    {
        var (read, problems) = Read(value, (MetadataEntry e, out int v) => e.TryChoice(out v, ("range", 1), ("sticky", 2), ("roundrobin", 3)));

        Assert.Empty(problems);
        Assert.Equal(expected, read);
    }

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "yes", "bool", "'true' or 'false'" },
        { "11", "int 1..10", "a whole number from 1 to 10" },
        { "1.5", "int 1..10", "a whole number from 1 to 10" },
        { "-1", "int 0..", "a whole number of zero or more" },
        { "0", "int 1..", "a whole number greater than zero" },
        { "abc", "go duration", "a duration such as '100ms' or '1m'" },
        { "100", "go duration", "a duration such as '100ms' or '1m'" },
        { "-1s", "go duration", "a duration such as '100ms' or '1m'" },
        { "abc", "ms duration", "a duration such as '100ms' or '1m' (a bare number is milliseconds)" },
        { "0", "positive ms duration", "a duration above zero such as '100ms' or '1m' (a bare number is milliseconds)" },
        { "cooperative", "choice", "'range', 'sticky' or 'roundrobin'" },
        { "  ", "text", "a value that is not empty" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Reader_ValueThatCannotBeRight_IsOneErrorInTheOneShape(string value, string reader, string requirement)
    {
        var problems = ReadWith(reader, value, secret: false);

        var problem = Assert.Single(problems);
        Assert.Equal(("consumeRetryInterval", MetadataSeverity.Error), (problem.Key, problem.Severity));
        Assert.Equal($"metadata 'consumeRetryInterval' requires {requirement}; the value '{value}' is not recognised.", problem.Message);
    }

    /// <summary>The refusals of readers that can refuse a value with text in it (not the empty-text check).</summary>
    public static TheoryData<string, string, string> SecretRefusals => [.. Refusals.Where(row => row.Data.Item2 != "text")];

    [Theory]
    [MemberData(nameof(SecretRefusals))]
    public void Reader_SecretKey_NeverEchoesTheValue(string value, string reader, string requirement)
    {
        var secret = $"{value}-hunter2";

        var problems = ReadWith(reader, secret, secret: true);

        var problem = Assert.Single(problems);
        Assert.Equal($"metadata 'consumeRetryInterval' requires {requirement}; the value (not shown, it is a secret) is not recognised.", problem.Message);
        Assert.DoesNotContain("hunter2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reject_LongValue_IsShortenedInTheMessage()
    {
        var pem = "-----BEGIN CERTIFICATE-----" + new string('A', 500);

        var problems = Table(secret: false).Read(new Dictionary<string, string> { ["consumeRetryInterval"] = pem }, e => e.Reject("PEM text")).Problems;

        Assert.True(Assert.Single(problems).Message.Length < 200);
    }

    private delegate bool Reader<T>(MetadataEntry entry, out T value);

    private static (T? Value, IReadOnlyList<MetadataProblem> Problems) Read<T>(string value, Reader<T> reader)
    {
        T? read = default;
        var problems = Table(secret: false).Read(
            new Dictionary<string, string> { ["consumeRetryInterval"] = value },
            entry => { if (reader(entry, out var v)) { read = v; } }).Problems;
        return (read, problems);
    }

    private static IReadOnlyList<MetadataProblem> ReadWith(string reader, string value, bool secret) =>
        Table(secret).Read(new Dictionary<string, string> { ["consumeRetryInterval"] = value }, entry => _ = reader switch
        {
            "bool" => entry.TryBool(out _),
            "int 1..10" => entry.TryInteger(1, 10, out int _),
            "int 0.." => entry.TryInteger(0, long.MaxValue, out long _),
            "int 1.." => entry.TryInteger(1, int.MaxValue, out int _),
            "go duration" => entry.TryDuration(DurationForm.GoDuration, allowZero: true, out _),
            "ms duration" => entry.TryDuration(DurationForm.MillisecondsOrGoDuration, allowZero: true, out _),
            "positive ms duration" => entry.TryDuration(DurationForm.MillisecondsOrGoDuration, allowZero: false, out _),
            "choice" => entry.TryChoice(out int _, ("range", 1), ("sticky", 2), ("roundrobin", 3)),
            _ => entry.TryText(out _),
        }).Problems;

    private static MetadataTable Table(bool secret) =>
        new("pubsub.test", [MetadataKey.Honoured("consumeRetryInterval", "100ms", "A duration.", secret)]);
}
