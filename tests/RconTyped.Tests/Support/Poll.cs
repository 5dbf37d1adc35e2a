namespace RconTyped.Tests;

/// <summary>Waits for a condition that another thread makes true, checking every 10 ms, failing after the test guard.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(Connect.Guard);
        while (!condition())
        {
            await Task.Delay(10, guard.Token);
        }
    }
}
