using Gateway.Resources;

namespace Gateway.Tests.Resources;

/// <summary>Assertions on what a user reads in the load output.</summary>
internal static class ResultAssert
{
    /// <summary>Asserts exactly one error, containing every fragment, and returns it.</summary>
    public static ResourceError SingleError(ResourceLoadResult result, params string[] fragments)
    {
        Assert.Null(result.Resources);
        Assert.True(result.Errors.Count == 1, $"expected one error, got:\n{string.Join("\n", result.Errors)}");
        var error = result.Errors[0];
        foreach (var fragment in fragments)
        {
            Assert.True(error.ToString().Contains(fragment, StringComparison.Ordinal), $"'{fragment}' not in:\n{error}");
        }

        return error;
    }

    /// <summary>Asserts that no error occurred and returns the loaded set.</summary>
    public static ResourceSet Loaded(ResourceLoadResult result)
    {
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        return Assert.IsType<ResourceSet>(result.Resources);
    }

    public static ResourceError SingleWarning(ResourceLoadResult result, params string[] fragments)
    {
        var warning = Assert.Single(result.Warnings);
        foreach (var fragment in fragments)
        {
            Assert.True(warning.ToString().Contains(fragment, StringComparison.Ordinal), $"'{fragment}' not in:\n{warning}");
        }

        return warning;
    }
}
