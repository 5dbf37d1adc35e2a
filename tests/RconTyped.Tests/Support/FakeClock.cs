using Microsoft.Extensions.Time.Testing;

namespace RconTyped.Tests;

/// <summary>Moves a <see cref="FakeTimeProvider"/> for tests whose waits are the client's own (timeouts, backoff, the Palworld short-packet wait).</summary>
internal static class FakeClock
{
    /// <summary>
    /// Advances the clock by <paramref name="step"/>, again and again (20 ms of real time apart, for the bytes in flight),
    /// until <paramref name="task"/> completes or the test guard runs out; returns the task.
    /// </summary>
    public static async Task<T> AdvanceUntilAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step)
    {
        using var guard = new CancellationTokenSource(Connect.Guard);
        while (!task.IsCompleted && !guard.IsCancellationRequested)
        {
            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(20, guard.Token)).ConfigureAwait(false);
        }

        return await task.WaitAsync(Connect.Guard);
    }

    /// <inheritdoc cref="AdvanceUntilAsync{T}(FakeTimeProvider, Task{T}, TimeSpan)"/>
    public static async Task AdvanceUntilAsync(this FakeTimeProvider time, Task task, TimeSpan step)
    {
        using var guard = new CancellationTokenSource(Connect.Guard);
        while (!task.IsCompleted && !guard.IsCancellationRequested)
        {
            time.Advance(step);
            await Task.WhenAny(task, Task.Delay(20, guard.Token)).ConfigureAwait(false);
        }

        await task.WaitAsync(Connect.Guard);
    }
}
