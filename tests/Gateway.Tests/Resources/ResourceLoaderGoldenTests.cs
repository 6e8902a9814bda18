using Gateway.Resources;

namespace Gateway.Tests.Resources;

/// <summary>
/// Golden cases: each folder under <c>testassets/resources/</c> holds YAML files and
/// <c>expected.txt</c>, the exact problems and loaded resources a user would see.
/// Set <c>GATEWAY_UPDATE_GOLDEN=1</c> to rewrite the expected files after a deliberate change.
/// </summary>
public sealed class ResourceLoaderGoldenTests
{
    [Theory]
    [InlineData("valid-all-kinds")]
    [InlineData("broken-many")]
    [InlineData("multi-document")]
    [InlineData("yaml-syntax-error")]
    [InlineData("dapr-folder")]
    [InlineData("docs-examples")]
    public void Load_GoldenCase_ReportsExactlyTheExpectedOutput(string caseName)
    {
        var directory = GoldenResourceCases.CaseDirectory(caseName);
        var expectedPath = Path.Combine(directory, GoldenResourceCases.ExpectedFileName);

        var actual = GoldenResourceCases.Render(ResourceLoader.Load(directory, FakePubSubDriverFactory.All));

        if (Environment.GetEnvironmentVariable("GATEWAY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void Load_BrokenMany_ReportsAtLeastEightErrorsFromThreeFilesInOneRun()
    {
        var result = ResourceLoader.Load(GoldenResourceCases.CaseDirectory("broken-many"), FakePubSubDriverFactory.All);

        Assert.Null(result.Resources);
        Assert.True(result.Errors.Count >= 8, $"only {result.Errors.Count} errors");
        Assert.True(result.Errors.Select(error => error.File).Distinct().Count() >= 3);
    }

    [Fact]
    public void Load_ValidAllKinds_LoadsOneOrMoreOfEveryKindWithoutErrors()
    {
        var result = ResourceLoader.Load(GoldenResourceCases.CaseDirectory("valid-all-kinds"), FakePubSubDriverFactory.All);

        Assert.Empty(result.Errors);
        var set = Assert.IsType<ResourceSet>(result.Resources);
        Assert.NotEmpty(set.Components);
        Assert.NotEmpty(set.Subscriptions);
        Assert.NotEmpty(set.Apps);
        Assert.NotEmpty(set.Resiliencies);
    }
}
