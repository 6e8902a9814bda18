namespace Gateway.FaultTests.TestSupport;

/// <summary>
/// Every fault test kills or starves processes and counts deliveries, so they run one at a time and
/// share one development CA.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection : ICollectionFixture<FaultPki>
{
    public const string Name = "faults";
}
