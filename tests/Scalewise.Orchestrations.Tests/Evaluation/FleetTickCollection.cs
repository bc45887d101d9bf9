namespace Scalewise.Orchestrations.Tests.Evaluation;

/// <summary>The tests that share the 300-target fleet (<see cref="FleetTickFixture"/>), one after another: each counts the calls of its own tick.</summary>
[CollectionDefinition(nameof(FleetTickCollection))]
public sealed class FleetTickCollection : ICollectionFixture<FleetTickFixture>
{
}
