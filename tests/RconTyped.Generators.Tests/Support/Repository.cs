namespace RconTyped.Generators.Tests;

/// <summary>
/// Finds files of the repository from the test's output folder. [CallerFilePath] cannot: CI builds map source
/// paths to /_/ (deterministic builds).
/// </summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "RconTyped.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"RconTyped.sln not found above {AppContext.BaseDirectory}.");
    }
}
