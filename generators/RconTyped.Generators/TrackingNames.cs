namespace RconTyped.Generators;

/// <summary>Names of the pipeline steps, for tests that check what was cached.</summary>
public static class TrackingNames
{
    /// <summary>A class marked [RconSchema], reduced to values.</summary>
    public const string Request = nameof(Request);

    /// <summary>A schema or dump file, parsed.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The model of one generated class.</summary>
    public const string Model = nameof(Model);
}
