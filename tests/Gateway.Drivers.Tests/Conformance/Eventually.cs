using System.Diagnostics;

namespace Gateway.Drivers.Tests.Conformance;

/// <summary>
/// Waits for something a test expects to happen, polling instead of sleeping a guessed time: the
/// test goes on the moment the condition holds and fails with a description when it never does.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> describeFailure)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > timeout)
            {
                Assert.Fail($"Waited {timeout.TotalSeconds:0.#}s, but {describeFailure()}");
            }

            await Task.Delay(PollInterval);
        }
    }
}
