namespace Gateway.Tests.Integration;

/// <summary>Tests that start servers: one at a time, sharing the gateway fixture.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IntegrationCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "integration";
}
