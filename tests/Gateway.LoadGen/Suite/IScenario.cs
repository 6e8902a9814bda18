using Gateway.LoadGen.Report;
using Gateway.LoadGen.Rig;

namespace Gateway.LoadGen.Suite;

/// <summary>One table of the suite.</summary>
internal interface IScenario
{
    string Key { get; }

    Task<ScenarioResult> RunAsync(BenchRig rig, SuiteSettings settings, CancellationToken cancellationToken);
}
