namespace Gateway.Tests.Resources.Parsing;

public sealed class YamlFileReaderTests
{
    [Fact]
    public void Read_UnclosedQuote_ReportsTheFileAndTheLineOfTheProblem()
    {
        var result = ResourceFolder.LoadSingle("apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: \"pubsub\nspec:\n  type: pubsub.in-memory\n");

        var error = ResultAssert.SingleError(result, "resources.yaml:", "YAML syntax error", "fix the YAML");
        Assert.InRange(error.Line, 4, 7);
    }

    [Fact]
    public void Read_DuplicateKey_IsReportedAtTheSecondKey()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.App("baseUrl: https://a:1\nbaseUrl: https://b:1"));

        ResultAssert.SingleError(result, "resources.yaml:7: YAML syntax error: Duplicate key baseUrl");
    }

    [Fact]
    public void Read_SyntaxErrorInALaterDocument_StillChecksTheDocumentsBeforeIt()
    {
        var broken = "apiVersion: gateway/v1alpha1\nkind: App\nmetadata:\n  name: x\n spec: {}";
        var yaml = ResourceYaml.Documents(ResourceYaml.App("baseUrl: http://a:1"), broken);

        var result = ResourceFolder.LoadSingle(yaml);

        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("use https", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("YAML syntax error", result.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TabIndentation_IsASyntaxError()
    {
        var result = ResourceFolder.LoadSingle("apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n\tname: pubsub\n");

        ResultAssert.SingleError(result, "resources.yaml:4: YAML syntax error");
    }
}
