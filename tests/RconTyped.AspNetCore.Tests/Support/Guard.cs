namespace RconTyped.AspNetCore.Tests;

/// <summary>A guard on every await in these tests: nothing may hang, so a test fails instead of stalling CI.</summary>
internal static class Guard
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits for a condition another thread makes true, checking every 10 ms, failing after the guard.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(10, guard.Token);
        }
    }
}
