namespace RconTyped.Tests;

/// <summary>Tests that saturate the machine run alone, so they cannot starve the timing of others (timeouts in seconds).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyLoadCollection
{
    public const string Name = "Heavy load";
}
