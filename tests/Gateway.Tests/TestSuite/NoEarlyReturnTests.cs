using Gateway.Tests.Operations;

namespace Gateway.Tests.TestSuite;

/// <summary>
/// No test returns green without checking: one that needs something absent says so with
/// <c>Assert.Skip</c> (or <c>Skip.When</c>), and is reported skipped with the reason.
/// </summary>
public sealed class NoEarlyReturnTests
{
    [Fact]
    public void TestSources_NoTestMethodReturnsBeforeItsFirstAssertion()
    {
        var files = TestSourceFiles().ToList();
        Assert.Contains("tests/Gateway.Tests/TestSuite/NoEarlyReturnTests.cs", files);
        Assert.Contains(files, file => file.StartsWith("tests/Gateway.Drivers.Tests/", StringComparison.Ordinal));

        var early = files.SelectMany(file => EarlyReturnScanner.Find(RepositoryFiles.Read(file)).Select(test => $"{file}: {test}")).ToList();

        Assert.True(early.Count == 0, "these tests return before asserting anything; use Assert.Skip with the reason instead:\n" + string.Join("\n", early));
    }

    [Theory]
    [InlineData("if (Absent) { return; } Assert.True(Works());")]
    [InlineData("if (Absent) return; await AssertRoundTripAsync();")]
    [InlineData("Skip.When(Absent, \"why\"); if (Other) { return; } Assert.True(Works());")]
    [InlineData("foreach (var x in xs) { if (x is null) { return; } } Assert.NotEmpty(xs);")]
    public void Find_BareReturnBeforeTheFirstAssertion_NamesTheTest(string body)
    {
        Assert.Equal(["Sample.Test (line 3)"], EarlyReturnScanner.Find(InTestMethod(body)));
    }

    [Theory]
    [InlineData("Assert.Equal(1, Status()); if (Done) { return; } Assert.Equal(2, Next());")]
    [InlineData("var loop = () => { if (Done) { return; } Step(); }; loop(); Assert.True(Done);")]
    [InlineData("void Helper() { if (Done) { return; } } Helper(); Assert.True(Done);")]
    [InlineData("Skip.When(Absent, \"why\"); Assert.True(Works());")]
    [InlineData("var error = await Assert.ThrowsAsync<Exception>(() => Run()); if (error is null) { return; }")]
    public void Find_ReturnAfterAnAssertionOrInsideALambdaOrLocalFunction_IsNotFlagged(string body)
    {
        Assert.Empty(EarlyReturnScanner.Find(InTestMethod(body)));
    }

    [Fact]
    public void Find_ReturnInAHelperThatIsNotATest_IsNotFlagged()
    {
        Assert.Empty(EarlyReturnScanner.Find("class Sample\n{\n    private void Helper() { if (Done) { return; } }\n}"));
    }

    private static string InTestMethod(string body) => $"class Sample\n{{\n    [Fact] public async Task Test() {{ {body} }}\n}}";

    /// <summary>Every C# file under <c>tests/</c> except build output, as a path relative to the repository root.</summary>
    private static IEnumerable<string> TestSourceFiles() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("tests"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or "node_modules"));
}
