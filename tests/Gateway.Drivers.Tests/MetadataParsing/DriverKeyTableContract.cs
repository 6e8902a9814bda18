using Gateway.Drivers.MetadataParsing;

namespace Gateway.Drivers.Tests.MetadataParsing;

/// <summary>
/// Checks a driver's key table against its options type and its parser; each driver's
/// <c>*MetadataSchemaTests</c> derives from it with a few lines.
/// </summary>
public abstract class DriverKeyTableContract<TOptions>
    where TOptions : class
{
    /// <summary>The driver's key table.</summary>
    protected abstract MetadataTable Table { get; }

    /// <summary>The least metadata that loads (required keys only).</summary>
    protected abstract Dictionary<string, string> Required { get; }

    /// <summary>The options the driver has with <see cref="Required"/> alone.</summary>
    protected abstract TOptions Defaults { get; }

    protected abstract TOptions Parse(IReadOnlyDictionary<string, string> metadata, out IReadOnlyList<MetadataProblem> problems);

    [Fact]
    public void HonouredKeys_WrittenWithTheirDocumentedDefaults_ParseToTheOptionsDefaults()
    {
        var metadata = Required;
        foreach (var key in Table.Keys.Where(k => k.Status == MetadataKeyStatus.Honoured && k.DefaultValue.Length > 0))
        {
            metadata.TryAdd(key.Name, key.DefaultValue);
        }

        var options = Parse(metadata, out var problems);

        Assert.Empty(problems);
        AssertSameSettings(Defaults, options);
    }

    [Fact]
    public void AcceptedKeys_LoadWithOneWarningEachSayingWhy_AndChangeNothing()
    {
        var accepted = Table.Keys.Where(k => k.Status == MetadataKeyStatus.Accepted).ToList();
        var metadata = Required;
        foreach (var key in accepted)
        {
            metadata[key.Name] = "some value";
        }

        var options = Parse(metadata, out var problems);

        Assert.All(problems, p => Assert.Equal(MetadataSeverity.Warning, p.Severity));
        Assert.Equal(accepted.Select(k => k.Name).Order(StringComparer.Ordinal), problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Contains("has no effect here: ", p.Message, StringComparison.Ordinal));
        AssertSameSettings(Defaults, options);
    }

    [Fact]
    public void EveryRow_IsDescribed_AcceptedRowsSayWhy_DeprecatedRowsNameAKeyOfTheTable()
    {
        Assert.All(Table.Keys, k => Assert.False(string.IsNullOrWhiteSpace(k.Description), k.Name));
        Assert.All(Table.Keys.Where(k => k.Status == MetadataKeyStatus.Accepted), k => Assert.False(string.IsNullOrWhiteSpace(k.Reason), k.Name));
        Assert.All(Table.Keys.Where(k => k.Status == MetadataKeyStatus.Deprecated), k => Assert.NotNull(Table.Find(k.ReplacedBy ?? "")));
    }

    [Fact]
    public void SecretKeys_WithValuesThatCannotBeRight_NeverShowThem()
    {
        var metadata = Required;
        foreach (var key in Table.Keys.Where(k => k.IsSecret))
        {
            metadata[key.Name] = "hunter2 is not a " + key.Name;
        }

        var options = Parse(metadata, out var problems);

        Assert.All(problems, p => Assert.DoesNotContain("hunter2", p.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }

    private static void AssertSameSettings(TOptions expected, TOptions actual)
    {
        foreach (var property in typeof(TOptions).GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            Assert.True(
                Equals(property.GetValue(expected), property.GetValue(actual)),
                $"{property.Name}: expected {property.GetValue(expected)}, parsed {property.GetValue(actual)}");
        }
    }
}
