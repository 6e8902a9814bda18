using System.Diagnostics.CodeAnalysis;

namespace Gateway.Tests.TestSupport;

/// <summary>
/// <see cref="Assert.SkipWhen"/> for a test that needs something absent, with the reason in the run's output:
/// <c>dotnet test --logger "console;verbosity=minimal"</c> (tests/run.sh) prints the xunit adapter's warnings but
/// not skip reasons, so the reason also goes in as a test warning, printed under the test's <c>[SKIP]</c> line.
/// </summary>
internal static class Skip
{
    /// <summary>Ends the test as skipped, because of <paramref name="reason"/>, when <paramref name="condition"/> holds.</summary>
    public static void When([DoesNotReturnIf(true)] bool condition, string reason)
    {
        if (condition)
        {
            TestContext.Current.AddWarning(reason);
            Assert.Skip(reason);
        }
    }
}
