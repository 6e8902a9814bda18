namespace Gateway.Tests.TestSupport;

public sealed class TestAssetsTests
{
    [Fact]
    public void Yaml_FillsEveryPlaceholderOfTheFile()
    {
        var yaml = TestAssets.Yaml("components/in-memory-redelivery.yaml", new { name = "orders", redeliveryDelay = "50ms" });

        Assert.Contains("  name: orders\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    value: 50ms\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_UriAndNumbers_AreWrittenAsABaseUrlAndInvariantDigits()
    {
        var yaml = TestAssets.Fill("t.yaml", "baseUrl: {{baseUrl}}\nmax: {{max}}\non: {{on}}", new { baseUrl = new Uri("https://127.0.0.1:5001/"), max = 16000, on = true });

        Assert.Equal("baseUrl: https://127.0.0.1:5001\nmax: 16000\non: true", yaml);
    }

    [Fact]
    public void Fill_PlaceholderWithoutAValue_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => TestAssets.Fill("t.yaml", "name: {{name}}\ntopic: {{topic}}", new { name = "a" }));

        Assert.StartsWith("test asset 't.yaml': no value for {{topic}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_ValueWithoutAPlaceholder_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => TestAssets.Fill("t.yaml", "name: {{name}}", new { name = "a", redeliveryDelay = "1s" }));

        Assert.StartsWith("test asset 't.yaml': value 'redeliveryDelay' given, but the file has no {{redeliveryDelay}}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: {{ name }}")]
    [InlineData("name: {{Name}}")]
    [InlineData("name: {{name}")]
    public void Fill_BracesThatAreNotAPlaceholder_AreRefused(string template)
    {
        var error = Assert.Throws<ArgumentException>(() => TestAssets.Fill("t.yaml", template, null));

        Assert.Contains("a '{{' that is not a placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_NullOrUnsupportedValue_IsRefused()
    {
        Assert.Contains("'name' is null", Assert.Throws<ArgumentException>(() => TestAssets.Fill("t.yaml", "{{name}}", new { name = (string?)null })).Message, StringComparison.Ordinal);
        Assert.Contains("'delay' is a TimeSpan", Assert.Throws<ArgumentException>(() => TestAssets.Fill("t.yaml", "{{delay}}", new { delay = TimeSpan.FromSeconds(1) })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_MissingFile_SaysWhereItLooked()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TestAssets.Yaml("components/no-such.yaml"));

        Assert.Contains("test asset 'components/no-such.yaml' is not in ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_SeparatesDocumentsWhetherOrNotTheyEndWithANewline()
    {
        Assert.Equal("a: 1\n---\nb: 2\n---\nc: 3\n", TestAssets.Join("a: 1", "b: 2\n", "c: 3"));
    }
}
